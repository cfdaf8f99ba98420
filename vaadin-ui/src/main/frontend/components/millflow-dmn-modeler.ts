/**
 * <millflow-dmn-modeler>: dmn-js Modeler (DRD, decision tables, literal expressions), opening the first decision
 * table. Property `xml` imports a model; every edit (debounced) fires `model-changed` with `{ xml, dirty }`.
 * Attributes for tests: `data-ready`, `data-view` (the active view type).
 */
// @ts-ignore no typings
import DmnModeler from 'dmn-js/lib/Modeler';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';

const DEBOUNCE_MS = 400;

const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  millflow-dmn-modeler { display: block; position: relative; width: 100%; min-height: 420px; overflow: auto; }
  millflow-dmn-modeler > .millflow-dmn-tabs { display: flex; gap: .5em; padding: .25em 0; }
  millflow-dmn-modeler > .millflow-dmn-tabs button[aria-pressed="true"] { font-weight: bold; }
  millflow-dmn-modeler > .millflow-dmn-canvas { position: relative; min-height: 400px; }
  millflow-dmn-modeler > .millflow-dmn-error { color: var(--lumo-error-text-color, #c00); white-space: pre-wrap; }
  millflow-dmn-modeler > .millflow-dmn-error[hidden] { display: none; }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

interface View {
  id: string;
  name?: string;
  type: string;
  element: { name?: string };
}

export class MillflowDmnModeler extends HTMLElement {
  private _xml = '';
  private modeler?: any;
  private tabsEl?: HTMLDivElement;
  private canvasEl?: HTMLDivElement;
  private errorEl?: HTMLPreElement;
  private importedXml?: string;
  private emitTimer?: number;
  private dirty = false;

  get xml(): string {
    return this._xml;
  }

  set xml(value: string | null | undefined) {
    this._xml = value ?? '';
    queueMicrotask(() => void this.importXml());
  }

  async getXml(): Promise<string> {
    const { xml } = await this.modeler.saveXML({ format: true });
    return xml ?? '';
  }

  getModeler(): any {
    return this.modeler;
  }

  connectedCallback(): void {
    const self = this as unknown as Record<string, unknown>;
    if (Object.prototype.hasOwnProperty.call(this, 'xml')) {
      const value = self.xml;
      delete self.xml;
      self.xml = value;
    }
    if (!this.modeler) {
      this.tabsEl = document.createElement('div');
      this.tabsEl.className = 'millflow-dmn-tabs';
      this.canvasEl = document.createElement('div');
      this.canvasEl.className = 'millflow-dmn-canvas';
      this.errorEl = document.createElement('pre');
      this.errorEl.className = 'millflow-dmn-error';
      this.errorEl.hidden = true;
      this.append(this.tabsEl, this.errorEl, this.canvasEl);
      this.modeler = new DmnModeler({ container: this.canvasEl });
      this.modeler.on('views.changed', () => this.onViewsChanged());
    }
    void this.importXml();
  }

  private onViewsChanged(): void {
    const active = this.modeler.getActiveView() as View | undefined;
    this.setAttribute('data-view', active ? active.type : '');
    const viewer = this.modeler.getActiveViewer();
    if (viewer && !(viewer as any).__millflowListening) {
      (viewer as any).__millflowListening = true;
      viewer.get('eventBus').on('elements.changed', () => {
        this.dirty = true;
        this.scheduleEmit();
      });
    }
    this.renderTabs();
  }

  private renderTabs(): void {
    const tabs = this.tabsEl!;
    tabs.replaceChildren();
    const active = this.modeler.getActiveView() as View | undefined;
    (this.modeler.getViews() as View[]).forEach((view) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = view.type === 'drd' ? 'Diagram (DRD)' : (view.element.name || view.id);
      button.setAttribute('aria-pressed', String(active?.id === view.id));
      button.dataset.view = view.type;
      button.addEventListener('click', () => this.modeler.open(view));
      tabs.append(button);
    });
  }

  private async importXml(): Promise<void> {
    const xml = this._xml;
    if (!this.modeler || xml === this.importedXml) {
      return;
    }
    this.importedXml = xml;
    this.removeAttribute('data-ready');
    this.errorEl!.hidden = true;
    if (!xml.trim()) {
      this.modeler.clear?.();
      return;
    }
    try {
      await this.modeler.importXML(xml);
      const table = (this.modeler.getViews() as View[]).find((v) => v.type === 'decisionTable');
      if (table) {
        await this.modeler.open(table);
      }
      this.dirty = false;
      this.setAttribute('data-ready', 'true');
      this.scheduleEmit();
    } catch (err) {
      this.errorEl!.textContent = `Could not open the decision model: ${err instanceof Error ? err.message : err}`;
      this.errorEl!.hidden = false;
      this.setAttribute('data-ready', 'false');
    }
  }

  private scheduleEmit(): void {
    window.clearTimeout(this.emitTimer);
    this.emitTimer = window.setTimeout(async () => {
      const xml = await this.getXml();
      this.dispatchEvent(new CustomEvent('model-changed', { detail: { xml, dirty: this.dirty } }));
    }, DEBOUNCE_MS);
  }
}

if (!customElements.get('millflow-dmn-modeler')) {
  customElements.define('millflow-dmn-modeler', MillflowDmnModeler);
}

declare global {
  interface HTMLElementTagNameMap {
    'millflow-dmn-modeler': MillflowDmnModeler;
  }
}
