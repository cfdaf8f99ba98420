/**
 * <millflow-bpmn-viewer>: read-only BPMN diagram viewer (bpmn-js NavigatedViewer) that
 * highlights the given activity ids. Renders into light DOM so the global bpmn-js CSS applies.
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
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

export class MillflowBpmnViewer extends HTMLElement {
  private _xml = '';
  private _activeIds: string[] = [];
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

  connectedCallback(): void {
    // Properties assigned before the element was upgraded shadow the accessors; re-apply them.
    const self = this as unknown as Record<string, unknown>;
    for (const prop of ['xml', 'activeIds']) {
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
    this.showError(null);

    if (!xml.trim()) {
      viewer.clear();
      this.importedXml = undefined;
      this.markedIds = [];
      return;
    }
    try {
      if (xml !== this.importedXml) {
        this.importedXml = undefined;
        this.markedIds = [];
        await viewer.importXML(xml);
        if (seq !== this.renderSeq) {
          return; // superseded by a newer render
        }
        this.importedXml = xml;
        this.fit();
      }
      this.updateMarkers(viewer);
      this.setAttribute('data-active-ids', this.markedIds.join(','));
      this.setAttribute('data-rendered', 'true');
    } catch (err) {
      if (seq === this.renderSeq) {
        viewer.clear();
        this.importedXml = undefined;
        this.markedIds = [];
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
