/**
 * <millflow-bpmn-viewer>: read-only BPMN diagram viewer (bpmn-js NavigatedViewer) that
 * highlights the given activity ids. Renders into light DOM so the global bpmn-js CSS applies.
 *
 * Optional overlays per activity id:
 * - `badges` ({ id: { running, incidents } }): a blue count of running instances at the bottom left and a red
 *   count of open incidents at the bottom right (elements `#badge-running-<id>` / `#badge-incidents-<id>` with
 *   `data-activity-id` and `data-count`); zero counts are not drawn. `data-badges` lists the badged ids.
 * - `heat` ({ id: intensity 0..1 }) and `heatLabels` ({ id: text }): the activity filled from green (0) to red (1)
 *   and a label above it (`#heat-<id>` with `data-activity-id`, `data-intensity`); `data-heat` lists the ids.
 */
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

// Minimal local typings of the diagram-js services used (diagram-js is only a transitive dependency).
interface Canvas {
  zoom(level: 'fit-viewport', center?: 'auto'): number;
  resized(): void;
  addMarker(elementId: string, marker: string): void;
  removeMarker(elementId: string, marker: string): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}
interface OverlayPosition {
  top?: number;
  left?: number;
  bottom?: number;
  right?: number;
}
interface Overlays {
  add(elementId: string, type: string, overlay: { position: OverlayPosition; html: HTMLElement }): string;
  remove(filter: { type?: string; element?: string }): void;
}

export interface Badge {
  running?: number;
  incidents?: number;
}

const BADGE_OVERLAY = 'millflow-badge';
const HEAT_OVERLAY = 'millflow-heat';
const HEAT_MARKER = 'millflow-heat-marked';

const ACTIVE_MARKER = 'millflow-active';
// Operaton reports multi-instance activities as "<id>#multiInstanceBody"; mark the activity itself.
const MULTI_INSTANCE_SUFFIX = '#multiInstanceBody';

const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  millflow-bpmn-viewer { display: block; position: relative; width: 100%; min-height: 300px; }
  millflow-bpmn-viewer > .millflow-bpmn-canvas { position: absolute; inset: 0; }
  millflow-bpmn-viewer > .millflow-bpmn-error {
    position: relative; z-index: 1; margin: 0; padding: var(--lumo-space-m, 1rem);
    color: var(--lumo-error-text-color, #c00); white-space: pre-wrap;
  }
  millflow-bpmn-viewer > .millflow-bpmn-error[hidden] { display: none; }
  .${ACTIVE_MARKER} .djs-visual > :nth-child(1) {
    stroke: #1676f3 !important; stroke-width: 4px !important; fill: #e6f0ff !important;
  }
  .millflow-badge {
    display: inline-block; min-width: 1.4em; padding: 1px 5px; box-sizing: border-box; border-radius: 9px;
    font: bold 12px/16px var(--lumo-font-family, sans-serif); text-align: center; color: #fff;
    box-shadow: 0 1px 2px rgba(0, 0, 0, 0.3); white-space: nowrap; pointer-events: auto; cursor: default;
  }
  .millflow-badge-running { background: #1676f3; }
  .millflow-badge-incidents { background: #d92b2b; }
  .millflow-heat-label {
    display: inline-block; padding: 0 4px; border-radius: 4px; background: rgba(255, 255, 255, 0.9);
    border: 1px solid currentColor; font: 600 11px/15px var(--lumo-font-family, sans-serif); white-space: nowrap;
  }
  .${HEAT_MARKER} .djs-visual > :nth-child(1) {
    fill: var(--millflow-heat-fill) !important; stroke: var(--millflow-heat-stroke) !important;
    stroke-width: 3px !important;
  }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

export class MillflowBpmnViewer extends HTMLElement {
  private _xml = '';
  private _activeIds: string[] = [];
  private _badges: Record<string, Badge> = {};
  private _heat: Record<string, number> = {};
  private _heatLabels: Record<string, string> = {};
  private heatIds: string[] = [];
  private viewer?: NavigatedViewer;
  private canvasEl?: HTMLDivElement;
  private errorEl?: HTMLPreElement;
  private importedXml?: string;
  private markedIds: string[] = [];
  private renderQueued = false;
  private renderSeq = 0;
  private fitPending = false;
  private readonly resizeObserver = new ResizeObserver(() => this.onResize());

  get xml(): string {
    return this._xml;
  }

  set xml(value: string | null | undefined) {
    this._xml = value ?? '';
    this.scheduleRender();
  }

  get activeIds(): string[] {
    return this._activeIds;
  }

  set activeIds(value: string[] | null | undefined) {
    this._activeIds = Array.isArray(value) ? value.map(String) : [];
    this.scheduleRender();
  }

  get badges(): Record<string, Badge> {
    return this._badges;
  }

  set badges(value: Record<string, Badge> | null | undefined) {
    this._badges = value && typeof value === 'object' ? value : {};
    this.scheduleRender();
  }

  get heat(): Record<string, number> {
    return this._heat;
  }

  set heat(value: Record<string, number> | null | undefined) {
    this._heat = value && typeof value === 'object' ? value : {};
    this.scheduleRender();
  }

  get heatLabels(): Record<string, string> {
    return this._heatLabels;
  }

  set heatLabels(value: Record<string, string> | null | undefined) {
    this._heatLabels = value && typeof value === 'object' ? value : {};
    this.scheduleRender();
  }

  connectedCallback(): void {
    // Properties assigned before the element was upgraded shadow the accessors; re-apply them.
    const self = this as unknown as Record<string, unknown>;
    for (const prop of ['xml', 'activeIds', 'badges', 'heat', 'heatLabels']) {
      if (Object.prototype.hasOwnProperty.call(this, prop)) {
        const value = self[prop];
        delete self[prop];
        self[prop] = value;
      }
    }
    if (!this.canvasEl) {
      this.canvasEl = document.createElement('div');
      this.canvasEl.className = 'millflow-bpmn-canvas';
      this.errorEl = document.createElement('pre');
      this.errorEl.className = 'millflow-bpmn-error';
      this.errorEl.setAttribute('role', 'alert');
      this.errorEl.hidden = true;
      this.append(this.canvasEl, this.errorEl);
      this.viewer = new NavigatedViewer({ container: this.canvasEl });
    }
    this.resizeObserver.observe(this);
    this.scheduleRender();
  }

  disconnectedCallback(): void {
    this.resizeObserver.disconnect();
  }

  private scheduleRender(): void {
    if (this.renderQueued) {
      return;
    }
    // Coalesce xml + activeIds updates that arrive in the same server round trip.
    this.renderQueued = true;
    queueMicrotask(() => {
      this.renderQueued = false;
      void this.render();
    });
  }

  private async render(): Promise<void> {
    const viewer = this.viewer;
    if (!viewer) {
      return;
    }
    const seq = ++this.renderSeq;
    const xml = this._xml;
    this.removeAttribute('data-rendered');
    this.removeAttribute('data-active-ids');
    this.removeAttribute('data-badges');
    this.removeAttribute('data-heat');
    this.showError(null);

    if (!xml.trim()) {
      viewer.clear();
      this.importedXml = undefined;
      this.markedIds = [];
      this.heatIds = [];
      return;
    }
    try {
      if (xml !== this.importedXml) {
        this.importedXml = undefined;
        this.markedIds = [];
        this.heatIds = [];
        await viewer.importXML(xml);
        if (seq !== this.renderSeq) {
          return; // superseded by a newer render
        }
        this.importedXml = xml;
        this.fit();
      }
      this.updateMarkers(viewer);
      const badged = this.updateBadges(viewer);
      this.updateHeat(viewer);
      this.setAttribute('data-active-ids', this.markedIds.join(','));
      this.setAttribute('data-badges', badged.join(','));
      this.setAttribute('data-heat', this.heatIds.join(','));
      this.setAttribute('data-rendered', 'true');
    } catch (err) {
      if (seq === this.renderSeq) {
        viewer.clear();
        this.importedXml = undefined;
        this.markedIds = [];
        this.heatIds = [];
        this.setAttribute('data-rendered', 'false');
        this.showError(`Could not display the process diagram: ${err instanceof Error ? err.message : err}`);
      }
    }
  }

  private updateMarkers(viewer: NavigatedViewer): void {
    const canvas = viewer.get<Canvas>('canvas');
    const registry = viewer.get<ElementRegistry>('elementRegistry');
    const ids: string[] = [];
    for (const raw of this._activeIds) {
      const id = raw.endsWith(MULTI_INSTANCE_SUFFIX) ? raw.slice(0, -MULTI_INSTANCE_SUFFIX.length) : raw;
      if (registry.get(id) && !ids.includes(id)) {
        ids.push(id);
      }
    }
    this.markedIds.forEach((id) => canvas.removeMarker(id, ACTIVE_MARKER));
    ids.forEach((id) => canvas.addMarker(id, ACTIVE_MARKER));
    this.markedIds = ids;
  }

  /** Activity ids as the engine reports them (multi-instance bodies) mapped to diagram element ids. */
  private static elementId(raw: string): string {
    return raw.endsWith(MULTI_INSTANCE_SUFFIX) ? raw.slice(0, -MULTI_INSTANCE_SUFFIX.length) : raw;
  }

  private updateBadges(viewer: NavigatedViewer): string[] {
    const overlays = viewer.get<Overlays>('overlays');
    const registry = viewer.get<ElementRegistry>('elementRegistry');
    overlays.remove({ type: BADGE_OVERLAY });
    const totals = new Map<string, { running: number; incidents: number }>();
    for (const [raw, badge] of Object.entries(this._badges)) {
      const id = MillflowBpmnViewer.elementId(raw);
      if (!registry.get(id) || !badge) {
        continue;
      }
      const sum = totals.get(id) ?? { running: 0, incidents: 0 };
      sum.running += Number(badge.running ?? 0) || 0;
      sum.incidents += Number(badge.incidents ?? 0) || 0;
      totals.set(id, sum);
    }
    const badged: string[] = [];
    for (const [id, sum] of totals) {
      if (sum.running > 0) {
        overlays.add(id, BADGE_OVERLAY, {
          position: { bottom: 10, left: -8 },
          html: this.badge('running', id, sum.running, `${sum.running} running`),
        });
      }
      if (sum.incidents > 0) {
        overlays.add(id, BADGE_OVERLAY, {
          position: { bottom: 10, right: 8 },
          html: this.badge('incidents', id, sum.incidents, `${sum.incidents} open incident${sum.incidents === 1 ? '' : 's'}`),
        });
      }
      if (sum.running > 0 || sum.incidents > 0) {
        badged.push(id);
      }
    }
    return badged;
  }

  private badge(kind: 'running' | 'incidents', id: string, count: number, title: string): HTMLElement {
    const el = document.createElement('span');
    el.className = `millflow-badge millflow-badge-${kind}`;
    el.id = `badge-${kind}-${id}`;
    el.dataset.activityId = id;
    el.dataset.kind = kind;
    el.dataset.count = String(count);
    el.title = title;
    el.setAttribute('aria-label', title);
    el.textContent = String(count);
    return el;
  }

  private updateHeat(viewer: NavigatedViewer): void {
    const overlays = viewer.get<Overlays>('overlays');
    const registry = viewer.get<ElementRegistry>('elementRegistry');
    const canvas = viewer.get<Canvas>('canvas');
    overlays.remove({ type: HEAT_OVERLAY });
    for (const id of this.heatIds) {
      canvas.removeMarker(id, HEAT_MARKER);
      const gfx = this.graphics(viewer, id);
      gfx?.style.removeProperty('--millflow-heat-fill');
      gfx?.style.removeProperty('--millflow-heat-stroke');
    }
    const ids: string[] = [];
    for (const [raw, value] of Object.entries(this._heat)) {
      const id = MillflowBpmnViewer.elementId(raw);
      const intensity = Math.min(1, Math.max(0, Number(value) || 0));
      if (!registry.get(id) || ids.includes(id)) {
        continue;
      }
      ids.push(id);
      // green (hue 120) at 0 to red (hue 0) at 1
      const hue = Math.round(120 * (1 - intensity));
      const fill = `hsl(${hue}, 80%, 82%)`;
      const stroke = `hsl(${hue}, 70%, 35%)`;
      canvas.addMarker(id, HEAT_MARKER);
      const gfx = this.graphics(viewer, id);
      gfx?.style.setProperty('--millflow-heat-fill', fill);
      gfx?.style.setProperty('--millflow-heat-stroke', stroke);
      const label = document.createElement('span');
      label.className = 'millflow-heat-label';
      label.id = `heat-${id}`;
      label.dataset.activityId = id;
      label.dataset.intensity = intensity.toFixed(2);
      label.style.color = stroke;
      label.textContent = this._heatLabels[raw] ?? this._heatLabels[id] ?? '';
      label.hidden = !label.textContent;
      overlays.add(id, HEAT_OVERLAY, { position: { top: -18, left: 0 }, html: label });
    }
    this.heatIds = ids;
  }

  private graphics(viewer: NavigatedViewer, id: string): SVGElement | undefined {
    const registry = viewer.get<ElementRegistry & { getGraphics(id: string): SVGElement | undefined }>('elementRegistry');
    return registry.getGraphics(id) ?? undefined;
  }

  private fit(): void {
    // While hidden (closed dialog, inactive tab) there is nothing to fit to; retry on the next resize.
    this.fitPending = this.clientWidth === 0 || this.clientHeight === 0;
    if (!this.fitPending) {
      const canvas = this.viewer!.get<Canvas>('canvas');
      canvas.resized();
      canvas.zoom('fit-viewport', 'auto');
    }
  }

  private onResize(): void {
    if (!this.importedXml) {
      return;
    }
    if (this.fitPending) {
      this.fit();
    } else {
      this.viewer!.get<Canvas>('canvas').resized();
    }
  }

  private showError(message: string | null): void {
    if (this.errorEl) {
      this.errorEl.textContent = message ?? '';
      this.errorEl.hidden = message === null;
    }
  }
}

if (!customElements.get('millflow-bpmn-viewer')) {
  customElements.define('millflow-bpmn-viewer', MillflowBpmnViewer);
}

declare global {
  interface HTMLElementTagNameMap {
    'millflow-bpmn-viewer': MillflowBpmnViewer;
  }
}
