/**
 * <millflow-form-viewer>: a form-js form (Viewer, @bpmn-io/form-js 1.x) that the server fills and checks.
 *
 * Properties: schema (form-js JSON text), data (JSON text of the current values), errors (JSON text of
 * {fieldKey: message} from the server; shown under the fields), readonly.
 * Methods: submit() validates in the browser (form-js rules; errors shown under the fields) and, when there is
 * none, fires 'millflow-form-submit' with detail {data: JSON text of the values}; otherwise fires
 * 'millflow-form-invalid' with detail {errors: JSON text {fieldKey: message}}.
 * form-js renders into a light-DOM container so that its global CSS applies.
 *
 * Test hooks: data-rendered="true" once the schema is shown; data-error="…" when the schema cannot be shown.
 */
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

type Json = Record<string, unknown>;

interface SchemaComponent {
  id?: string;
  key?: string;
  components?: SchemaComponent[];
}

const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  millflow-form-viewer { display: block; }
  millflow-form-viewer > .millflow-form-error {
    margin: 0; color: var(--lumo-error-text-color, #c00); white-space: pre-wrap;
  }
  millflow-form-viewer > .millflow-form-error[hidden] { display: none; }
  millflow-form-viewer .fjs-container { font-family: var(--lumo-font-family, sans-serif); }
  millflow-form-viewer .fjs-container .fjs-form { padding: 0; }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

function parse(text: string | null | undefined, fallback: Json): Json {
  if (!text) {
    return fallback;
  }
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Json) : fallback;
  } catch {
    return fallback;
  }
}

export class MillflowFormViewer extends HTMLElement {
  private _schema = '';
  private _data = '';
  private _errors = '';
  private _readonly = false;
  private form?: Form;
  private containerEl?: HTMLDivElement;
  private errorEl?: HTMLPreElement;
  private importedSchema?: string;
  private importedData?: string;
  private renderQueued = false;
  private renderSeq = 0;
  /** field key -> form-js component id (errors are keyed by id in form-js). */
  private idsByKey = new Map<string, string>();

  get schema(): string {
    return this._schema;
  }

  set schema(value: string | null | undefined) {
    this._schema = value ?? '';
    this.scheduleRender();
  }

  get data(): string {
    return this._data;
  }

  set data(value: string | null | undefined) {
    this._data = value ?? '';
    this.scheduleRender();
  }

  get errors(): string {
    return this._errors;
  }

  set errors(value: string | null | undefined) {
    this._errors = value ?? '';
    this.scheduleRender();
  }

  get readonly(): boolean {
    return this._readonly;
  }

  set readonly(value: boolean) {
    this._readonly = !!value;
    this.form?.setProperty('readOnly', this._readonly);
  }

  connectedCallback(): void {
    // Properties assigned before the element was upgraded shadow the accessors; re-apply them.
    const self = this as unknown as Record<string, unknown>;
    for (const prop of ['schema', 'data', 'errors', 'readonly']) {
      if (Object.prototype.hasOwnProperty.call(this, prop)) {
        const value = self[prop];
        delete self[prop];
        self[prop] = value;
      }
    }
    if (!this.containerEl) {
      this.containerEl = document.createElement('div');
      this.containerEl.className = 'millflow-form-canvas';
      this.errorEl = document.createElement('pre');
      this.errorEl.className = 'millflow-form-error';
      this.errorEl.setAttribute('role', 'alert');
      this.errorEl.hidden = true;
      this.append(this.containerEl, this.errorEl);
      this.form = new Form({ container: this.containerEl });
      this.form.setProperty('readOnly', this._readonly);
    }
    this.scheduleRender();
  }

  /** Checks in the browser, then fires 'millflow-form-submit' or 'millflow-form-invalid'. */
  submit(): void {
    const form = this.form;
    if (!form || !this.importedSchema) {
      return;
    }
    const result = form.submit();
    const errors = result.errors as Record<string, unknown>;
    const byKey: Record<string, string> = {};
    for (const [key, id] of this.idsByKey) {
      const messages = errors[id];
      if (Array.isArray(messages) && messages.length) {
        byKey[key] = String(messages[0]);
      }
    }
    if (Object.keys(errors).length) {
      this.dispatchEvent(new CustomEvent('millflow-form-invalid', {
        detail: { errors: JSON.stringify(byKey) }, bubbles: true, composed: true
      }));
      return;
    }
    this.dispatchEvent(new CustomEvent('millflow-form-submit', {
      detail: { data: JSON.stringify(result.data ?? {}) }, bubbles: true, composed: true
    }));
  }

  private scheduleRender(): void {
    if (this.renderQueued) {
      return;
    }
    // Coalesce schema + data + errors updates that arrive in the same server round trip.
    this.renderQueued = true;
    queueMicrotask(() => {
      this.renderQueued = false;
      void this.render();
    });
  }

  private async render(): Promise<void> {
    const form = this.form;
    if (!form) {
      return;
    }
    const seq = ++this.renderSeq;
    const schemaText = this._schema;
    if (!schemaText.trim()) {
      form.clear();
      this.importedSchema = undefined;
      this.removeAttribute('data-rendered');
      this.containerEl!.hidden = true;
      return;
    }
    try {
      if (schemaText !== this.importedSchema || this._data !== this.importedData) {
        this.removeAttribute('data-rendered');
        const schema = JSON.parse(schemaText) as Json;
        await form.importSchema(schema, parse(this._data, {}));
        if (seq !== this.renderSeq) {
          return; // superseded by a newer render
        }
        this.importedSchema = schemaText;
        this.importedData = this._data;
        this.idsByKey = new Map();
        this.collectIds((schema.components as SchemaComponent[]) ?? []);
      }
      this.containerEl!.hidden = false;
      this.showError(null);
      this.applyServerErrors(form);
      this.setAttribute('data-rendered', 'true');
    } catch (err) {
      if (seq === this.renderSeq) {
        this.importedSchema = undefined;
        this.setAttribute('data-rendered', 'false');
        this.showError(`Could not display the form: ${err instanceof Error ? err.message : err}`);
      }
    }
  }

  private collectIds(components: SchemaComponent[]): void {
    for (const c of components) {
      if (c.key && c.id) {
        this.idsByKey.set(c.key, c.id);
      }
      if (Array.isArray(c.components)) {
        this.collectIds(c.components);
      }
    }
  }

  /** Shows the server's messages under their fields (form-js keeps errors by component id). */
  private applyServerErrors(form: Form): void {
    const byKey = parse(this._errors, {});
    const byId: Record<string, string[]> = {};
    for (const [key, message] of Object.entries(byKey)) {
      const id = this.idsByKey.get(key);
      if (id) {
        byId[id] = [String(message)];
      }
    }
    if (Object.keys(byKey).length) {
      // form-js has no public API to set errors; _setState is what its own validate() uses
      (form as unknown as { _setState(state: Json): void })._setState({ errors: byId });
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

if (!customElements.get('millflow-form-viewer')) {
  customElements.define('millflow-form-viewer', MillflowFormViewer);
}

declare global {
  interface HTMLElementTagNameMap {
    'millflow-form-viewer': MillflowFormViewer;
  }
}
