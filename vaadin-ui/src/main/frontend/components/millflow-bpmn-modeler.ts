/**
 * <millflow-bpmn-modeler>: bpmn-js Modeler with the properties panel (Camunda 7 / Operaton extension attributes
 * through camunda-bpmn-moddle) and bpmnlint (recommended + millflow/* rules) drawn on the diagram.
 *
 * Renders into light DOM so the global bpmn-js, properties-panel and lint CSS apply. Properties set by the
 * server: `xml`, `lintContextJson` (LintContext), `serverProblemsJson` (ModelProblem list, drawn as overlays).
 * After an import and after every change (debounced) it fires `model-changed` with `{ xml, issues, dirty }`,
 * where `issues` is a JSON list of `{ ruleId, elementId, severity: ERROR|WARNING, message }`.
 * Attributes for tests: `data-ready`, `data-error-count`, `data-warning-count`, `data-server-problem-count`.
 */
import Modeler from 'bpmn-js/lib/Modeler';
// @ts-ignore no typings
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule } from 'bpmn-js-properties-panel';
// @ts-ignore no typings
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
// @ts-ignore no typings
import lintModule from 'bpmn-js-bpmnlint';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import { LintContext, linterConfig } from './millflow-lint-rules';

export interface LintIssue {
  ruleId: string;
  elementId: string;
  severity: 'ERROR' | 'WARNING';
  message: string;
}

interface Overlays {
  add(element: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement | string }): string;
  remove(filter: { type: string }): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}
interface Canvas {
  zoom(level: 'fit-viewport', center?: 'auto'): number;
  resized(): void;
  getRootElement(): { id: string };
}
interface EventBus {
  on(event: string | string[], priority: number | ((e: any) => void), callback?: (e: any) => void): void;
}
interface Linting {
  update(): void;
  toggle(active?: boolean): boolean;
}
interface CommandStack {
  canUndo(): boolean;
}

const DEBOUNCE_MS = 400;

const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  millflow-bpmn-modeler { display: flex; position: relative; width: 100%; min-height: 520px; height: 520px; }
  millflow-bpmn-modeler > .millflow-modeler-canvas { position: relative; flex: 1 1 auto; min-width: 0; }
  millflow-bpmn-modeler > .millflow-modeler-panel {
    flex: 0 0 340px; overflow: auto; border-left: 1px solid var(--lumo-contrast-20pct, #ddd);
  }
  millflow-bpmn-modeler > .millflow-modeler-error {
    position: absolute; z-index: 2; left: 0; top: 0; margin: 0; padding: var(--lumo-space-m, 1rem);
    color: var(--lumo-error-text-color, #c00); white-space: pre-wrap; background: #fff;
  }
  millflow-bpmn-modeler > .millflow-modeler-error[hidden] { display: none; }
  .millflow-server-problem {
    background: var(--lumo-error-color, #c00); color: #fff; border-radius: 8px; font-size: 11px;
    padding: 0 5px; white-space: nowrap; cursor: default;
  }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

export class MillflowBpmnModeler extends HTMLElement {
  private _xml = '';
  private context: LintContext | null = null;
  private serverProblems: LintIssue[] = [];
  private modeler?: Modeler;
  private canvasEl?: HTMLDivElement;
  private panelEl?: HTMLDivElement;
  private errorEl?: HTMLPreElement;
  private importedXml?: string;
  private issues: LintIssue[] = [];
  private emitTimer?: number;
  private importing = false;
  private lintedOnce = false;
  private readonly resizeObserver = new ResizeObserver(() => this.modeler?.get<Canvas>('canvas').resized());

  get xml(): string {
    return this._xml;
  }

  set xml(value: string | null | undefined) {
    this._xml = value ?? '';
    queueMicrotask(() => void this.importXml());
  }

  set lintContextJson(value: string | null | undefined) {
    this.context = value ? (JSON.parse(value) as LintContext) : null;
    this.modeler?.get<Linting>('linting').update();
  }

  set serverProblemsJson(value: string | null | undefined) {
    this.serverProblems = value ? (JSON.parse(value) as LintIssue[]) : [];
    this.drawServerProblems();
  }

  /** The current lint issues (for tests and the server). */
  getIssues(): LintIssue[] {
    return this.issues;
  }

  /** The current XML, formatted. */
  async getXml(): Promise<string> {
    const { xml } = await this.modeler!.saveXML({ format: true });
    return xml ?? '';
  }

  /** The bpmn-js instance (tests drive it through its services). */
  getModeler(): Modeler | undefined {
    return this.modeler;
  }

  connectedCallback(): void {
    const self = this as unknown as Record<string, unknown>;
    for (const prop of ['xml', 'lintContextJson', 'serverProblemsJson']) {
      if (Object.prototype.hasOwnProperty.call(this, prop)) {
        const value = self[prop];
        delete self[prop];
        self[prop] = value;
      }
    }
    if (!this.modeler) {
      this.canvasEl = document.createElement('div');
      this.canvasEl.className = 'millflow-modeler-canvas';
      this.panelEl = document.createElement('div');
      this.panelEl.className = 'millflow-modeler-panel';
      this.errorEl = document.createElement('pre');
      this.errorEl.className = 'millflow-modeler-error';
      this.errorEl.setAttribute('role', 'alert');
      this.errorEl.hidden = true;
      this.append(this.canvasEl, this.panelEl, this.errorEl);
      this.modeler = new Modeler({
        container: this.canvasEl,
        propertiesPanel: { parent: this.panelEl },
        linting: { active: true, bpmnlint: linterConfig(() => this.context) },
        additionalModules: [
          BpmnPropertiesPanelModule,
          BpmnPropertiesProviderModule,
          CamundaPlatformPropertiesProviderModule,
          CamundaBehaviorsModule,
          lintModule
        ],
        moddleExtensions: { camunda: camundaModdle }
      } as any);
      const eventBus = this.modeler.get<EventBus>('eventBus');
      eventBus.on('linting.completed', (e: { issues: Record<string, any[]> }) => this.onLinted(e.issues));
      eventBus.on('import.done', () => this.drawServerProblems());
    }
    this.resizeObserver.observe(this);
    void this.importXml();
  }

  disconnectedCallback(): void {
    this.resizeObserver.disconnect();
  }

  private async importXml(): Promise<void> {
    const modeler = this.modeler;
    const xml = this._xml;
    if (!modeler || this.importing || xml === this.importedXml) {
      return;
    }
    this.importing = true;
    this.removeAttribute('data-ready');
    this.showError(null);
    try {
      if (!xml.trim()) {
        modeler.clear();
      } else {
        this.lintedOnce = false;
        await modeler.importXML(xml);
        this.fit();
      }
      this.importedXml = xml;
    } catch (err) {
      this.importedXml = xml;
      this.setAttribute('data-ready', 'false');
      this.showError(`Could not open the model: ${err instanceof Error ? err.message : err}`);
    } finally {
      this.importing = false;
    }
    if (this._xml !== this.importedXml) {
      void this.importXml(); // a newer model arrived during the import
    }
  }

  /** Fits the diagram into the part of the canvas right of the palette, so no element hides under it. */
  private fit(): void {
    const canvas = this.modeler!.get<Canvas>('canvas');
    canvas.resized();
    canvas.zoom('fit-viewport', 'auto');
    const container = this.canvasEl!.getBoundingClientRect();
    const palette = this.canvasEl!.querySelector('.djs-palette')?.getBoundingClientRect();
    const inner = (canvas as any).viewbox().inner as { x: number; y: number; width: number; height: number };
    if (!palette || container.width === 0 || inner.width === 0) {
      return;
    }
    const left = palette.right - container.left + 16;
    const margin = 16;
    const scale = Math.min(1, (container.width - left - margin) / inner.width,
      (container.height - 2 * margin) / inner.height);
    (canvas as any).viewbox({
      x: inner.x - left / scale,
      y: inner.y - margin / scale,
      width: container.width / scale,
      height: container.height / scale
    });
  }

  private onLinted(grouped: Record<string, any[]>): void {
    const issues: LintIssue[] = [];
    Object.values(grouped).forEach((reports) => reports.forEach((r) => {
      if (r.category !== 'error' && r.category !== 'warn' && r.category !== 'rule-error') {
        return;
      }
      issues.push({
        ruleId: r.rule,
        elementId: r.actualElementId ?? r.id,
        severity: r.category === 'warn' ? 'WARNING' : 'ERROR',
        message: r.message
      });
    }));
    issues.sort((a, b) => (a.ruleId + a.elementId).localeCompare(b.ruleId + b.elementId));
    this.issues = issues;
    this.setAttribute('data-error-count', String(issues.filter((i) => i.severity === 'ERROR').length));
    this.setAttribute('data-warning-count', String(issues.filter((i) => i.severity === 'WARNING').length));
    this.lintedOnce = true;
    if (!this.importing) {
      this.setAttribute('data-ready', 'true');
    }
    this.scheduleEmit();
  }

  private scheduleEmit(): void {
    window.clearTimeout(this.emitTimer);
    this.emitTimer = window.setTimeout(() => void this.emit(), DEBOUNCE_MS);
  }

  private async emit(): Promise<void> {
    if (!this.modeler || !this.lintedOnce) {
      return;
    }
    const xml = await this.getXml();
    const dirty = this.modeler.get<CommandStack>('commandStack').canUndo();
    this.dispatchEvent(new CustomEvent('model-changed', {
      detail: { xml, issues: JSON.stringify(this.issues), dirty }
    }));
  }

  private drawServerProblems(): void {
    const modeler = this.modeler;
    this.setAttribute('data-server-problem-count', String(this.serverProblems.length));
    if (!modeler) {
      return;
    }
    const overlays = modeler.get<Overlays>('overlays');
    const registry = modeler.get<ElementRegistry>('elementRegistry');
    overlays.remove({ type: 'millflow-server' });
    const byElement = new Map<string, LintIssue[]>();
    const rootId = () => modeler.get<Canvas>('canvas').getRootElement().id;
    this.serverProblems.forEach((p) => {
      const id = p.elementId && registry.get(p.elementId) ? p.elementId : rootId();
      byElement.set(id, [...(byElement.get(id) ?? []), p]);
    });
    byElement.forEach((problems, id) => {
      if (!registry.get(id)) {
        return;
      }
      const badge = document.createElement('div');
      badge.className = 'millflow-server-problem';
      badge.textContent = `server: ${problems.length}`;
      badge.title = problems.map((p) => `${p.ruleId}: ${p.message}`).join('\n');
      badge.dataset.elementId = id;
      overlays.add(id, 'millflow-server', { position: { bottom: 10, left: -7 }, html: badge });
    });
  }

  private showError(message: string | null): void {
    if (this.errorEl) {
      this.errorEl.textContent = message ?? '';
      this.errorEl.hidden = message === null;
    }
  }
}

if (!customElements.get('millflow-bpmn-modeler')) {
  customElements.define('millflow-bpmn-modeler', MillflowBpmnModeler);
}

declare global {
  interface HTMLElementTagNameMap {
    'millflow-bpmn-modeler': MillflowBpmnModeler;
  }
}
