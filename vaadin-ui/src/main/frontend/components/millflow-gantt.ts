/**
 * <millflow-gantt>: a Gantt chart (frappe-gantt 1.x) in shadow DOM.
 *
 * Properties: tasks (GanttBar[], dates 'yyyy-mm-dd', end inclusive), revision (bumped by the server on every
 * setTasks so that re-sending an equal list still redraws), ackSeq (the seq of the last date change the server had
 * received when it sent these tasks: later changes are kept on top), viewMode ('Day' | 'Week' | 'Month'), readonly.
 * New tasks arriving while a bar is being dragged are drawn when the mouse is released.
 *
 * Dragging or resizing a bar fires one 'millflow-gantt-date-change' event per changed bar when the mouse is released
 * (frappe reports every intermediate position while dragging; those are collected and only the last is sent), with
 * detail {taskId, start, end, seq}: dates 'yyyy-mm-dd', end inclusive (frappe's own end is exclusive: the moment after the
 * last day). A click on a bar (not ending a drag) fires 'millflow-gantt-bar-click' with detail {taskId}.
 *
 * Sets data-rendered="true" once drawn and data-bars="<n>"; frappe renders each bar as g.bar-wrapper[data-id].
 * Critical bars carry class mf-task-critical / mf-milestone-critical, milestones mf-milestone(-critical) (a diamond).
 */
import { LitElement, css, html, unsafeCSS, type CSSResult, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
// frappe-gantt's package "exports" do not list its stylesheet, so it is imported by path (Vite root = vaadin-ui/).
import frappeCss from '../../../../node_modules/frappe-gantt/dist/frappe-gantt.css?inline';

export interface GanttBar {
  id: string;
  name: string;
  start: string;
  end: string;
  progress: number;
  dependencies: string[];
  milestone: boolean;
  critical: boolean;
}

// Minimal local typings of the frappe-gantt internals used (the package ships no types).
interface FrappeBar {
  task: { id: string };
  $bar: SVGRectElement & { getX(): number; getWidth(): number };
}
interface FrappeGantt {
  options: Record<string, unknown>;
  config: { unit: string; step: number; column_width: number };
  gantt_start: Date;
  $container: HTMLElement;
  refresh(tasks: unknown[]): void;
  update_options(options: Record<string, unknown>): void;
  change_view_mode(mode?: string, maintainPos?: boolean): void;
  get_bar(id: string): FrappeBar | undefined;
  hide_popup(): void;
}
type GanttConstructor = new (el: HTMLElement, tasks: unknown[], options: Record<string, unknown>) => FrappeGantt;

// frappe-gantt is loaded on first use, so pages without a chart do not download it.
let ganttLibrary: Promise<GanttConstructor> | undefined;
function loadGantt(): Promise<GanttConstructor> {
  ganttLibrary ??= import('frappe-gantt').then((m) => m.default as unknown as GanttConstructor);
  return ganttLibrary;
}

const VIEW_MODES = ['Day', 'Week', 'Month'];
const DAY_MS = 86_400_000;

function cssText(sheet: unknown): string {
  return typeof sheet === 'string' ? sheet : ((sheet as CSSResult)?.cssText ?? '');
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A local date as 'yyyy-mm-dd'. */
function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days);
}

@customElement('millflow-gantt')
export class MillflowGantt extends LitElement {
  static styles = [
    // frappe's variables live on :root, which does not reach into a shadow root.
    unsafeCSS(cssText(frappeCss).replace(/:root/g, ':host')),
    css`
      :host {
        display: block;
        position: relative;
        width: 100%;
        min-height: 160px;
        --g-bar-color: var(--lumo-contrast-20pct, #d8dde3);
        --g-progress-color: var(--lumo-primary-color-50pct, #8ab6f5);
        --g-text-dark: var(--lumo-body-text-color, #1f2937);
        --g-text-muted: var(--lumo-secondary-text-color, #6b7280);
        --g-header-background: var(--lumo-base-color, #fff);
        --g-row-color: var(--lumo-base-color, #fff);
        --g-arrow-color: var(--lumo-secondary-text-color, #6b7280);
        --g-today-highlight: var(--lumo-primary-color, #1676f3);
        font-family: var(--lumo-font-family, sans-serif);
      }
      .host-box { height: 100%; }
      .gantt-container { height: 100%; max-height: inherit; }
      .empty { margin: 0; padding: var(--lumo-space-m, 1rem); color: var(--lumo-secondary-text-color, #666); }
      .empty[hidden] { display: none; }
      :host([readonly]) .gantt .bar-wrapper { cursor: default; }
      .gantt .bar-label { font-family: var(--lumo-font-family, sans-serif); }
      .gantt .bar-wrapper.mf-task-critical .bar,
      .gantt .bar-wrapper.mf-milestone-critical .bar { fill: #f4b4b0; outline-color: #d93025; }
      .gantt .bar-wrapper.mf-task-critical .bar-progress,
      .gantt .bar-wrapper.mf-milestone-critical .bar-progress { fill: #d93025; }
      /* a milestone (start = end, one day wide) is drawn as a diamond within its day */
      .gantt .bar-wrapper.mf-milestone .bar,
      .gantt .bar-wrapper.mf-milestone-critical .bar {
        clip-path: polygon(50% 0, 80% 50%, 50% 100%, 20% 50%);
        outline: none;
        fill: var(--lumo-contrast-70pct, #444);
      }
      .gantt .bar-wrapper.mf-milestone-critical .bar { fill: #d93025; }
      .gantt .bar-wrapper.mf-milestone .bar-progress,
      .gantt .bar-wrapper.mf-milestone-critical .bar-progress,
      .gantt .bar-wrapper.mf-milestone .handle,
      .gantt .bar-wrapper.mf-milestone-critical .handle { display: none; }
    `,
  ];

  @property({ attribute: false }) tasks: GanttBar[] = [];
  @property({ type: Number }) revision = 0;
  @property() viewMode = 'Day';
  @property({ type: Boolean, reflect: true }) readonly = false;
  @property({ type: Number }) ackSeq = 0;

  private gantt?: FrappeGantt;
  private GanttClass?: GanttConstructor;
  /** Bar positions reported while a drag is in progress, sent when the mouse is released. */
  private readonly pending = new Map<string, { start: string; end: string }>();
  private justDragged = false;
  private seq = 0;
  /** Changes sent to the server and not yet reflected in the tasks it sent, by task id. */
  private readonly unacked = new Map<string, { seq: number; start: string; end: string }>();
  /** The mouse is down in the chart (a drag may be under way): redraws wait for its release. */
  private mouseDown = false;
  private redrawWaiting = false;
  private readonly onMouseDown = () => (this.mouseDown = true);
  /** Drawn while hidden (e.g. an inactive tab): frappe measures labels, so draw again once visible. */
  private drawnHidden = false;
  private readonly onMouseUp = () => this.flush();
  private readonly resizeObserver = new ResizeObserver(() => {
    if (this.drawnHidden && this.gantt && this.clientWidth > 0) {
      this.drawnHidden = false;
      this.refreshKeepingScroll(this.frappeTasks());
    }
  });

  render() {
    return html`<div class="host-box"></div><p class="empty" ?hidden=${this.tasks.length > 0}>No tasks to show</p>`;
  }

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('mouseup', this.onMouseUp);
    this.addEventListener('mousedown', this.onMouseDown);
    this.resizeObserver.observe(this);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('mouseup', this.onMouseUp);
    this.removeEventListener('mousedown', this.onMouseDown);
    this.resizeObserver.disconnect();
  }

  protected updated(changed: PropertyValues): void {
    const box = this.renderRoot.querySelector<HTMLDivElement>('.host-box');
    if (!box) {
      return;
    }
    const tasks = this.frappeTasks();
    const mode = VIEW_MODES.includes(this.viewMode) ? this.viewMode : 'Day';
    if (!this.gantt) {
      if (tasks.length === 0) {
        this.markRendered(0);
        return;
      }
      if (!this.GanttClass) {
        this.removeAttribute('data-rendered');
        void loadGantt().then((GanttClass) => {
          this.GanttClass = GanttClass;
          this.requestUpdate();
        });
        return;
      }
      this.gantt = new this.GanttClass(box, tasks, this.options(mode));
    } else {
      if (changed.has('readonly')) {
        // frappe rebuilds its options from the constructor's: pass the current view mode along
        this.gantt.update_options({ readonly: this.readonly, view_mode: mode });
      }
      if ((changed.has('tasks') || changed.has('revision')) && this.mouseDown) {
        this.redrawWaiting = true; // redrawing now would drop the bar being dragged
      } else if (changed.has('tasks') || changed.has('revision')) {
        this.refreshKeepingScroll(tasks);
      }
      if (changed.has('viewMode')) {
        this.gantt.change_view_mode(mode); // scrolls to the first bar: pixel offsets differ between modes
      }
    }
    this.markRendered(tasks.length);
  }

  private markRendered(bars: number): void {
    this.drawnHidden = bars > 0 && this.clientWidth === 0;
    this.setAttribute('data-bars', String(bars));
    this.setAttribute('data-rendered', 'true');
  }

  private options(mode: string): Record<string, unknown> {
    return {
      view_mode: mode,
      readonly: this.readonly,
      readonly_progress: true,
      move_dependencies: false, // the server reschedules successors and sends the new plan
      today_button: false,
      scroll_to: 'start',
      popup_on: 'click',
      language: document.documentElement.lang || navigator.language || 'en',
      on_date_change: (task: { id: string }, start: Date, end: Date) => this.onDateChange(task, start, end),
      on_click: (task: { id: string }) => this.onBarClick(task),
    };
  }

  /** frappe's end is exclusive (midnight after the last day) and is reported minus one second: convert to days. */
  private onDateChange(task: { id: string }, start: Date, end: Date): void {
    const gantt = this.gantt;
    const bar = gantt?.get_bar(task.id);
    if (gantt && bar && gantt.config.unit === 'day') {
      // Whole days from the pixels (frappe's own fractional day arithmetic truncates, e.g. 2.9999 → 2).
      const perDay = gantt.config.column_width / gantt.config.step;
      const startDays = Math.round(bar.$bar.getX() / perDay);
      const days = Math.max(1, Math.round(bar.$bar.getWidth() / perDay));
      const first = addDays(gantt.gantt_start, startDays);
      this.pending.set(task.id, { start: isoDate(first), end: isoDate(addDays(first, days - 1)) });
    } else {
      const inclusiveEnd = new Date(Math.max(start.getTime(), end.getTime() - (end.getHours() === 0 ? DAY_MS / 2 : 0)));
      this.pending.set(task.id, { start: isoDate(start), end: isoDate(inclusiveEnd) });
    }
  }

  private flush(): void {
    this.mouseDown = false;
    const changes = [...this.pending.entries()];
    this.pending.clear();
    if (changes.length > 0) {
      this.justDragged = true;
      setTimeout(() => (this.justDragged = false), 0);
      this.gantt?.hide_popup();
      for (const [taskId, { start, end }] of changes) {
        this.seq = Math.max(this.seq, Number(this.ackSeq) || 0) + 1;
        this.unacked.set(taskId, { seq: this.seq, start, end });
        this.dispatchEvent(new CustomEvent('millflow-gantt-date-change', { detail: { taskId, start, end, seq: this.seq } }));
      }
    }
    if (this.redrawWaiting && this.gantt) {
      this.redrawWaiting = false;
      this.refreshKeepingScroll(this.frappeTasks());
    }
  }

  private onBarClick(task: { id: string }): void {
    if (!this.justDragged) {
      this.dispatchEvent(new CustomEvent('millflow-gantt-bar-click', { detail: { taskId: task.id } }));
    }
  }

  /** Redraws with new tasks and keeps the date at the left edge where it was. */
  private refreshKeepingScroll(tasks: unknown[]): void {
    const gantt = this.gantt!;
    const container = gantt.$container;
    const perPixelDays = gantt.config.unit === 'day' ? gantt.config.step / gantt.config.column_width : 0;
    const oldStart = gantt.gantt_start.getTime();
    const oldLeft = container.scrollLeft;
    const oldTop = container.scrollTop;
    const scrollTo = gantt.options.scroll_to;
    gantt.options.scroll_to = null;
    try {
      gantt.refresh(tasks);
    } finally {
      gantt.options.scroll_to = scrollTo;
    }
    if (perPixelDays > 0) {
      const shiftDays = Math.round((oldStart - gantt.gantt_start.getTime()) / DAY_MS);
      container.scrollLeft = oldLeft + shiftDays / perPixelDays;
    } else {
      container.scrollLeft = oldLeft;
    }
    container.scrollTop = oldTop;
  }

  private frappeTasks(): Record<string, unknown>[] {
    const tasks = Array.isArray(this.tasks) ? this.tasks : [];
    const ids = new Set(tasks.map((t) => String(t.id)));
    const acked = Number(this.ackSeq) || 0;
    for (const [id, change] of [...this.unacked]) {
      if (change.seq <= acked) {
        this.unacked.delete(id);
      }
    }
    // frappe mutates its task objects: hand it copies (with the changes the server has not seen yet).
    return tasks.map((t) => {
      const mine = this.unacked.get(String(t.id));
      const start = mine?.start ?? t.start;
      const end = mine?.end ?? t.end;
      return {
        id: String(t.id),
        name: t.name ?? '',
        start,
        end: t.milestone ? start : end,
        progress: Math.max(0, Math.min(100, Number(t.progress) || 0)),
        dependencies: (t.dependencies ?? []).map(String).filter((d) => ids.has(d)).join(','),
        custom_class: `mf-${t.milestone ? 'milestone' : 'task'}${t.critical ? '-critical' : ''}`,
      };
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'millflow-gantt': MillflowGantt;
  }
}
