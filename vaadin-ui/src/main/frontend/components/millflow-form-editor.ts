/**
 * <millflow-form-editor>: the form-js Editor (@bpmn-io/form-js 1.x) with its palette and properties panel, for
 * process owners who design user-task forms.
 *
 * Properties: schema (form-js JSON text to open; setting it re-imports). Methods: requestSchema() fires
 * 'millflow-form-schema' with detail {schema: JSON text of the edited form}. Every edit fires
 * 'millflow-form-changed' with detail {schema} (debounced, 300 ms).
 * form-js renders into a light-DOM container so that its global CSS applies.
 *
 * Test hooks: data-rendered="true" once a schema is open; data-error="…" when it cannot be opened.
 */
import { FormEditor } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';

const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  millflow-form-editor { display: block; position: relative; min-height: 480px; }
  millflow-form-editor > .millflow-form-editor-canvas { height: 100%; min-height: 480px; }
  millflow-form-editor > .millflow-form-error {
    margin: 0; color: var(--lumo-error-text-color, #c00); white-space: pre-wrap;
  }
  millflow-form-editor > .millflow-form-error[hidden] { display: none; }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const EMPTY_FORM = { type: 'default', components: [] };

export class MillflowFormEditor extends HTMLElement {
  private _schema = '';
  private editor?: FormEditor;
  private canvasEl?: HTMLDivElement;
  private errorEl?: HTMLPreElement;
  private importedSchema?: string;
  private importing = false;
  private changeTimer?: number;
  private renderQueued = false;

  get schema(): string {
    return this._schema;
  }

  set schema(value: string | null | undefined) {
    this._schema = value ?? '';
    this.scheduleRender();
  }

  connectedCallback(): void {
    const self = this as unknown as Record<string, unknown>;
    if (Object.prototype.hasOwnProperty.call(this, 'schema')) {
      const value = self.schema;
      delete self.schema;
      self.schema = value;
    }
    if (!this.canvasEl) {
      this.canvasEl = document.createElement('div');
      this.canvasEl.className = 'millflow-form-editor-canvas';
      this.errorEl = document.createElement('pre');
      this.errorEl.className = 'millflow-form-error';
      this.errorEl.setAttribute('role', 'alert');
      this.errorEl.hidden = true;
      this.append(this.canvasEl, this.errorEl);
      this.editor = new FormEditor({ container: this.canvasEl });
      this.editor.on('changed', () => this.onChanged());
    }
    this.scheduleRender();
  }

  disconnectedCallback(): void {
    window.clearTimeout(this.changeTimer);
  }

  /** Fires 'millflow-form-schema' with the edited schema. */
  requestSchema(): void {
    this.dispatchEvent(new CustomEvent('millflow-form-schema', {
      detail: { schema: this.currentSchema() }, bubbles: true, composed: true
    }));
  }

  private currentSchema(): string {
    if (!this.editor || !this.importedSchema) {
      return this._schema;
    }
    return JSON.stringify(this.editor.saveSchema(), null, 2);
  }

  private onChanged(): void {
    if (this.importing || !this.importedSchema) {
      return;
    }
    window.clearTimeout(this.changeTimer);
    this.changeTimer = window.setTimeout(() => {
      this.dispatchEvent(new CustomEvent('millflow-form-changed', {
        detail: { schema: this.currentSchema() }, bubbles: true, composed: true
      }));
    }, 300);
  }

  private scheduleRender(): void {
    if (this.renderQueued) {
      return;
    }
    this.renderQueued = true;
    queueMicrotask(() => {
      this.renderQueued = false;
      void this.render();
    });
  }

  private async render(): Promise<void> {
    const editor = this.editor;
    const text = this._schema;
    if (!editor || text === this.importedSchema) {
      return;
    }
    this.removeAttribute('data-rendered');
    this.importing = true;
    try {
      await editor.importSchema(text.trim() ? JSON.parse(text) : EMPTY_FORM);
      this.importedSchema = text;
      this.showError(null);
      this.setAttribute('data-rendered', 'true');
    } catch (err) {
      this.importedSchema = undefined;
      this.setAttribute('data-rendered', 'false');
      this.showError(`Could not open the form: ${err instanceof Error ? err.message : err}`);
    } finally {
      this.importing = false;
    }
  }

  private showError(message: string | null): void {
    if (this.errorEl) {
      this.errorEl.textContent = message ?? '';
      this.errorEl.hidden = message === null;
      if (message === null) {
        this.removeAttribute('data-error');
      } else {
        this.setAttribute('data-error', message);
      }
    }
  }
}

if (!customElements.get('millflow-form-editor')) {
  customElements.define('millflow-form-editor', MillflowFormEditor);
}

declare global {
  interface HTMLElementTagNameMap {
    'millflow-form-editor': MillflowFormEditor;
  }
}
