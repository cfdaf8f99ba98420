/**
 * The bpmnlint configuration of the browser modeler, built in code (no bpmnlint webpack/rollup loader here):
 * bpmnlint 11.15 `recommended` with its own severities, plus Millflow's rules `millflow/*`, which read the lint
 * context (served topics, known roles, deployed decisions and forms) that the server sets on the component.
 * The server runs the same rule ids (io.millflow.workbench.ModelChecks); the parity test compares both.
 * `millflow/dmn-input` (decision inputs that are never set) runs on the server only: it needs the deployed
 * decisions' inputs and the process variables, which the browser does not have.
 */
// bpmnlint ships its rules as CommonJS modules without typings.
// @ts-ignore
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process';
// @ts-ignore
import conditionalFlows from 'bpmnlint/rules/conditional-flows';
// @ts-ignore
import endEventRequired from 'bpmnlint/rules/end-event-required';
// @ts-ignore
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
// @ts-ignore
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event';
// @ts-ignore
import fakeJoin from 'bpmnlint/rules/fake-join';
// @ts-ignore
import global from 'bpmnlint/rules/global';
// @ts-ignore
import labelRequired from 'bpmnlint/rules/label-required';
// @ts-ignore
import linkEvent from 'bpmnlint/rules/link-event';
// @ts-ignore
import noBpmndi from 'bpmnlint/rules/no-bpmndi';
// @ts-ignore
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway';
// @ts-ignore
import noDisconnected from 'bpmnlint/rules/no-disconnected';
// @ts-ignore
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
// @ts-ignore
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork';
// @ts-ignore
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
// @ts-ignore
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end';
// @ts-ignore
import noImplicitStart from 'bpmnlint/rules/no-implicit-start';
// @ts-ignore
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway';
// @ts-ignore
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements';
// @ts-ignore
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
// @ts-ignore
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
// @ts-ignore
import startEventRequired from 'bpmnlint/rules/start-event-required';
// @ts-ignore
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event';
// @ts-ignore
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
// @ts-ignore
import superfluousLabel from 'bpmnlint/rules/superfluous-label';
// @ts-ignore
import superfluousTermination from 'bpmnlint/rules/superfluous-termination';

/** What the server tells the browser linter (io.millflow.workbench.LintContext). */
export interface LintContext {
  topics: string[];
  roles: string[];
  decisions: string[];
  forms: string[];
}

/** A moddle element as bpmnlint hands it to a rule. */
interface Node {
  id?: string;
  $type: string;
  $instanceOf(type: string): boolean;
  get(name: string): any;
  [key: string]: any;
}
interface Reporter {
  report(id: string, message: string, path?: unknown): void;
}
type RuleFactory = (config?: unknown) => { check(node: Node, reporter: Reporter): void };

/** bpmnlint 11.15 `recommended`: rule name → severity. */
export const RECOMMENDED: Record<string, 'error' | 'warn'> = {
  'ad-hoc-sub-process': 'error',
  'conditional-flows': 'error',
  'end-event-required': 'error',
  'event-based-gateway': 'error',
  'event-sub-process-typed-start-event': 'error',
  'fake-join': 'warn',
  'global': 'warn',
  'label-required': 'error',
  'link-event': 'error',
  'no-bpmndi': 'error',
  'no-complex-gateway': 'error',
  'no-disconnected': 'error',
  'no-duplicate-sequence-flows': 'error',
  'no-gateway-join-fork': 'error',
  'no-implicit-split': 'error',
  'no-implicit-end': 'error',
  'no-implicit-start': 'error',
  'no-inclusive-gateway': 'warn',
  'no-overlapping-elements': 'warn',
  'single-blank-start-event': 'error',
  'single-event-definition': 'error',
  'start-event-required': 'error',
  'sub-process-blank-start-event': 'error',
  'superfluous-gateway': 'warn',
  'superfluous-label': 'warn',
  'superfluous-termination': 'warn'
};

const BPMNLINT_RULES: Record<string, RuleFactory> = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  'global': global,
  'label-required': labelRequired,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-start': noImplicitStart,
  'no-inclusive-gateway': noInclusiveGateway,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-label': superfluousLabel,
  'superfluous-termination': superfluousTermination
};

/** Millflow's rules, all errors. */
export const MILLFLOW_RULES = [
  'service-task-topic',
  'user-task-candidate-groups',
  'history-time-to-live',
  'decision-exists',
  'form-exists'
] as const;

function blank(value: unknown): boolean {
  return value === undefined || value === null || String(value).trim() === '';
}

function isExpression(value: string): boolean {
  return value.includes('${') || value.includes('#{');
}

function extensionValues(node: Node): Node[] {
  const ext = node.extensionElements;
  return (ext && ext.values) || [];
}

function messageDefinition(node: Node): Node | undefined {
  if (!(node.$instanceOf('bpmn:EndEvent') || node.$instanceOf('bpmn:IntermediateThrowEvent'))) {
    return undefined;
  }
  return (node.eventDefinitions || []).find((d: Node) => d.$instanceOf('bpmn:MessageEventDefinition'));
}

/**
 * Builds the rules of one modeler; `context()` is read on every check, so a context set after the import takes
 * effect at the next lint. A null context (not yet known) skips the checks against server lists.
 */
function millflowRules(context: () => LintContext | null): Record<string, RuleFactory> {
  const list = (values: string[]) => [...values].sort().join(', ');

  const serviceTaskTopic: RuleFactory = () => ({
    check(node, reporter) {
      const isTask = node.$instanceOf('bpmn:ServiceTask') || node.$instanceOf('bpmn:SendTask');
      const definition = messageDefinition(node);
      if (!isTask && !definition) {
        return;
      }
      const target = isTask ? node : definition!;
      const type = target.get('camunda:type');
      const other = ['camunda:class', 'camunda:expression', 'camunda:delegateExpression']
        .some((attr) => !blank(target.get(attr)))
        || extensionValues(target).some((v) => v.$instanceOf('camunda:Connector'));
      if (type === 'external') {
        const topic = target.get('camunda:topic');
        const ctx = context();
        if (blank(topic)) {
          reporter.report(node.id!, 'External task has no topic');
        } else if (ctx && !ctx.topics.includes(String(topic).trim())) {
          reporter.report(node.id!, `Unknown topic ${topic}: no worker serves it; known topics: ${list(ctx.topics)}`);
        }
      } else if (isTask || other || !blank(type)) {
        reporter.report(node.id!, 'Not an external task; use an external task topic '
          + '(camunda:type="external" with a topic a worker serves)');
      }
    }
  });

  const userTaskCandidateGroups: RuleFactory = () => ({
    check(node, reporter) {
      if (!node.$instanceOf('bpmn:UserTask')) {
        return;
      }
      const groups = node.get('camunda:candidateGroups');
      if (blank(groups)) {
        if (blank(node.get('camunda:assignee'))) {
          reporter.report(node.id!, 'User task has no candidate group');
        }
        return;
      }
      const ctx = context();
      if (!ctx) {
        return;
      }
      String(groups).split(',').map((g) => g.trim()).filter((g) => g && !isExpression(g)).forEach((group) => {
        if (!ctx.roles.includes(group)) {
          reporter.report(node.id!, `Unknown role ${group}; known roles: ${list(ctx.roles)}`);
        }
      });
    }
  });

  const historyTimeToLive: RuleFactory = () => ({
    check(node, reporter) {
      if (node.$instanceOf('bpmn:Process') && node.isExecutable && blank(node.get('camunda:historyTimeToLive'))) {
        reporter.report(node.id!, 'Process has no historyTimeToLive');
      }
    }
  });

  const decisionExists: RuleFactory = () => ({
    check(node, reporter) {
      if (!node.$instanceOf('bpmn:BusinessRuleTask')) {
        return;
      }
      const ref = node.get('camunda:decisionRef');
      const ctx = context();
      if (blank(ref) || isExpression(String(ref)) || !ctx) {
        return;
      }
      if (!ctx.decisions.includes(String(ref).trim())) {
        reporter.report(node.id!, `Decision ${String(ref).trim()} is not deployed`);
      }
    }
  });

  const formExists: RuleFactory = () => ({
    check(node, reporter) {
      if (!node.$instanceOf('bpmn:UserTask')) {
        return;
      }
      const ref = node.get('camunda:formRef');
      const ctx = context();
      if (blank(ref) || isExpression(String(ref)) || !ctx) {
        return;
      }
      if (!ctx.forms.includes(String(ref).trim())) {
        reporter.report(node.id!, `Form ${String(ref).trim()} is neither deployed nor shipped in bpmn/; known forms: ${list(ctx.forms)}`);
      }
    }
  });

  return {
    'service-task-topic': serviceTaskTopic,
    'user-task-candidate-groups': userTaskCandidateGroups,
    'history-time-to-live': historyTimeToLive,
    'decision-exists': decisionExists,
    'form-exists': formExists
  };
}

/** The `{ config, resolver }` that bpmn-js-bpmnlint's `linting.bpmnlint` expects. */
export function linterConfig(context: () => LintContext | null) {
  const own = millflowRules(context);
  const rules: Record<string, string> = { ...RECOMMENDED };
  MILLFLOW_RULES.forEach((name) => (rules[`millflow/${name}`] = 'error'));
  return {
    config: { rules },
    resolver: {
      resolveRule(pkg: string, ruleName: string): RuleFactory | null {
        if (pkg === 'bpmnlint') {
          return BPMNLINT_RULES[ruleName] ?? null;
        }
        if (pkg === 'bpmnlint-plugin-millflow') {
          return own[ruleName] ?? null;
        }
        return null;
      },
      resolveConfig(): null {
        return null;
      }
    }
  };
}
