/**
 * <millflow-kanban>: a Kanban board of columns and cards, moved with native HTML5 drag & drop or the keyboard.
 *
 * Properties: columns ({id, title}[]), cards ({id, columnId, rank, title, subtitle, badge}[]; a column shows its
 * cards by rank, cards of unknown columns are not shown), revision (bumped by the server on every setCards, so that
 * re-sending the same cards redraws — e.g. to snap a refused move back), ackSeq (the seq of the last move the server
 * had received when it sent these cards), readonly.
 *
 * A move is shown at once (optimistic) and fires 'millflow-kanban-card-moved' with detail
 * {cardId, fromColumnId, toColumnId, toIndex, seq}: toIndex is the card's position in the target column after the
 * move (0 = top), seq numbers the moves. Cards sent before the server saw a move (seq > ackSeq) get the moves the
 * server has not seen replayed on top, so a late answer to an earlier move does not undo a later one.
 * Dropping a card where it was fires nothing. 'millflow-kanban-card-click' {cardId}: click or Enter.
 *
 * Keyboard: Tab to a card; Arrow keys move the focus; Alt+ArrowLeft/Right moves the card to the previous/next column
 * (same position, or last), Alt+ArrowUp/Down moves it within its column. Moves are announced in a live region.
 *
 * Test hooks: columns section[data-column-id] with span.count[data-count], cards li[data-card-id];
 * data-rendered="true" on the host after each render.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';

export interface KanbanColumn {
  id: string;
  title: string;
}

export interface KanbanCard {
  id: string;
  columnId: string;
  rank: number;
  title: string;
  subtitle?: string | null;
  badge?: string | null;
}

const DRAG_TYPE = 'application/x-millflow-card';

@customElement('millflow-kanban')
export class MillflowKanban extends LitElement {
  static styles = css`
    :host {
      display: block;
      font-family: var(--lumo-font-family, sans-serif);
      font-size: var(--lumo-font-size-s, 0.875rem);
      color: var(--lumo-body-text-color, #1f2937);
    }
    .board {
      display: flex;
      gap: var(--lumo-space-m, 1rem);
      overflow-x: auto;
      align-items: stretch;
      height: 100%;
      padding-bottom: var(--lumo-space-s, 0.5rem);
      box-sizing: border-box;
    }
    .column {
      flex: 0 0 var(--millflow-kanban-column-width, 260px);
      display: flex;
      flex-direction: column;
      min-height: 120px;
      max-height: 100%;
      box-sizing: border-box;
      background: var(--lumo-contrast-5pct, #f3f4f6);
      border-radius: var(--lumo-border-radius-l, 8px);
      border: 2px solid transparent;
    }
    .column.drop-target { border-color: var(--lumo-primary-color-50pct, #8ab6f5); }
    header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding: var(--lumo-space-s, 0.5rem) var(--lumo-space-m, 1rem);
    }
    h3 { margin: 0; font-size: var(--lumo-font-size-m, 1rem); font-weight: 600; }
    .count {
      min-width: 1.5em;
      padding: 0 0.4em;
      border-radius: 1em;
      text-align: center;
      background: var(--lumo-contrast-10pct, #e5e7eb);
      color: var(--lumo-secondary-text-color, #4b5563);
      font-size: var(--lumo-font-size-xs, 0.75rem);
      line-height: 1.6;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0 var(--lumo-space-s, 0.5rem) var(--lumo-space-s, 0.5rem);
      flex: 1;
      display: flex;
      flex-direction: column;
      gap: var(--lumo-space-s, 0.5rem);
      min-height: 48px;
      overflow-y: auto;
    }
    .card {
      position: relative;
      background: var(--lumo-base-color, #fff);
      border-radius: var(--lumo-border-radius-m, 6px);
      box-shadow: var(--lumo-box-shadow-xs, 0 1px 2px rgba(0, 0, 0, 0.15));
      padding: var(--lumo-space-s, 0.5rem) var(--lumo-space-m, 0.75rem);
      cursor: grab;
      outline: none;
    }
    :host([readonly]) .card { cursor: pointer; }
    .card:focus-visible { box-shadow: 0 0 0 2px var(--lumo-primary-color, #1676f3); }
    .card.dragging { opacity: 0.4; }
    .card.drop-before::before, ol.drop-end::after {
      content: '';
      display: block;
      height: 3px;
      border-radius: 2px;
      background: var(--lumo-primary-color, #1676f3);
    }
    .card.drop-before::before { position: absolute; left: 0; right: 0; top: calc(-1 * var(--lumo-space-xs, 0.25rem) - 2px); }
    .title { font-weight: 500; overflow-wrap: anywhere; }
    .subtitle { color: var(--lumo-secondary-text-color, #6b7280); font-size: var(--lumo-font-size-xs, 0.75rem); }
    .badge {
      display: inline-block;
      margin-top: var(--lumo-space-xs, 0.25rem);
      padding: 0 0.5em;
      border-radius: var(--lumo-border-radius-s, 4px);
      background: var(--lumo-primary-color-10pct, #e8f0fe);
      color: var(--lumo-primary-text-color, #1a56db);
      font-size: var(--lumo-font-size-xxs, 0.7rem);
      font-weight: 600;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `;

  @property({ attribute: false }) columns: KanbanColumn[] = [];
  @property({ attribute: false }) cards: KanbanCard[] = [];
  @property({ type: Number }) revision = 0;
  @property({ type: Boolean, reflect: true }) readonly = false;
  @property({ type: Number }) ackSeq = 0;

  /** Card ids per column, in display order; the client's (possibly optimistic) state. */
  @state() private order = new Map<string, string[]>();
  @state() private dragging?: string;
  @state() private dropTarget?: { columnId: string; index: number };
  @state() private announcement = '';
  private byId = new Map<string, KanbanCard>();
  private seq = 0;
  /** Moves sent to the server and not yet reflected in the cards it sent. */
  private unacked: { seq: number; cardId: string; toColumnId: string; toIndex: number }[] = [];
  /** The card that has the focus, so that it keeps it when a server update redraws it elsewhere. */
  private focusedCard?: string;

  protected willUpdate(changed: PropertyValues): void {
    if (changed.has('cards') || changed.has('columns') || changed.has('revision')) {
      this.rebuild();
    }
  }

  protected updated(): void {
    this.setAttribute('data-rendered', 'true');
    const root = this.renderRoot as ShadowRoot;
    if (this.focusedCard && !root.activeElement && document.activeElement === document.body) {
      this.focusCard(this.focusedCard);
    }
  }

  private onFocusIn(e: FocusEvent): void {
    this.focusedCard = (e.target as HTMLElement).closest<HTMLElement>('li[data-card-id]')?.dataset.cardId;
  }

  private onFocusOut(e: FocusEvent): void {
    const left = e.target as HTMLElement;
    // an element removed by a redraw loses the focus too: keep the card then, to focus it again
    queueMicrotask(() => {
      if (left.isConnected || e.relatedTarget) {
        this.focusedCard = undefined;
      }
    });
  }

  private rebuild(): void {
    const columns = Array.isArray(this.columns) ? this.columns : [];
    const cards = Array.isArray(this.cards) ? this.cards : [];
    this.byId = new Map(cards.map((c) => [String(c.id), c]));
    const order = new Map<string, string[]>(columns.map((c) => [String(c.id), []]));
    const sorted = cards
      .map((card, position) => ({ card, position }))
      .sort((a, b) => (Number(a.card.rank) || 0) - (Number(b.card.rank) || 0) || a.position - b.position);
    for (const { card } of sorted) {
      order.get(String(card.columnId))?.push(String(card.id));
    }
    const acked = Number(this.ackSeq) || 0;
    this.unacked = this.unacked.filter((m) => m.seq > acked);
    let replayed = order;
    for (const m of this.unacked) {
      replayed = MillflowKanban.moved(replayed, m.cardId, m.toColumnId, m.toIndex)?.order ?? replayed;
    }
    this.order = replayed;
  }

  /** The order with the card moved, or undefined when the card or column is unknown or nothing changes. */
  private static moved(order: Map<string, string[]>, cardId: string, toColumnId: string, toIndex: number) {
    let fromColumnId: string | undefined;
    for (const [columnId, ids] of order) {
      if (ids.includes(cardId)) {
        fromColumnId = columnId;
      }
    }
    if (fromColumnId === undefined || !order.has(toColumnId)) {
      return undefined;
    }
    const fromIndex = order.get(fromColumnId)!.indexOf(cardId);
    const next = new Map([...order].map(([k, v]) => [k, v.filter((id) => id !== cardId)]));
    const list = next.get(toColumnId)!;
    const index = Math.max(0, Math.min(toIndex, list.length));
    if (fromColumnId === toColumnId && index === fromIndex) {
      return undefined;
    }
    list.splice(index, 0, cardId);
    return { order: next, fromColumnId, index, size: list.length };
  }

  render() {
    const columns = Array.isArray(this.columns) ? this.columns : [];
    return html`
      <div class="board" @focusin=${this.onFocusIn} @focusout=${this.onFocusOut}>
        ${repeat(columns, (c) => c.id, (c) => this.renderColumn(c))}
      </div>
      <p id="help" class="sr-only">Alt and arrow keys move the card between and within columns.</p>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderColumn(column: KanbanColumn) {
    const ids = this.order.get(String(column.id)) ?? [];
    const target = this.dropTarget?.columnId === column.id ? this.dropTarget : undefined;
    const visible = ids.filter((id) => id !== this.dragging);
    const beforeId = target && target.index < visible.length ? visible[target.index] : undefined;
    const headingId = `col-${column.id}`;
    return html`
      <section class="column ${target ? 'drop-target' : ''}" data-column-id=${column.id}
        aria-labelledby=${headingId}
        @dragover=${(e: DragEvent) => this.onDragOver(e, column.id)}
        @dragleave=${(e: DragEvent) => this.onDragLeave(e, column.id)}
        @drop=${(e: DragEvent) => this.onDrop(e, column.id)}>
        <header>
          <h3 id=${headingId}>${column.title}</h3>
          <span class="count" data-count=${ids.length} aria-label="${ids.length} cards">${ids.length}</span>
        </header>
        <ol class=${target && !beforeId ? 'drop-end' : ''} aria-labelledby=${headingId}>
          ${repeat(ids, (id) => id, (id) => this.renderCard(id, id === beforeId))}
        </ol>
      </section>
    `;
  }

  private renderCard(id: string, dropBefore: boolean) {
    const card = this.byId.get(id);
    if (!card) {
      return nothing;
    }
    return html`
      <li class="card ${this.dragging === id ? 'dragging' : ''} ${dropBefore ? 'drop-before' : ''}"
        data-card-id=${id} tabindex="0" draggable=${this.readonly ? 'false' : 'true'}
        aria-describedby=${this.readonly ? nothing : 'help'}
        @dragstart=${(e: DragEvent) => this.onDragStart(e, id)}
        @dragend=${() => this.onDragEnd()}
        @keydown=${(e: KeyboardEvent) => this.onKeyDown(e, id)}
        @click=${() => this.fire('millflow-kanban-card-click', { cardId: id })}>
        <div class="title">${card.title}</div>
        ${card.subtitle ? html`<div class="subtitle">${card.subtitle}</div>` : nothing}
        ${card.badge ? html`<span class="badge">${card.badge}</span>` : nothing}
      </li>
    `;
  }

  private onDragStart(e: DragEvent, id: string): void {
    if (this.readonly || !e.dataTransfer) {
      e.preventDefault();
      return;
    }
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData(DRAG_TYPE, id);
    e.dataTransfer.setData('text/plain', id);
    // render the "dragging" look after the browser took its drag image
    requestAnimationFrame(() => (this.dragging = id));
  }

  private onDragEnd(): void {
    this.dragging = undefined;
    this.dropTarget = undefined;
  }

  private isCardDrag(e: DragEvent): boolean {
    return !this.readonly && !!e.dataTransfer && [...e.dataTransfer.types].includes(DRAG_TYPE);
  }

  private onDragOver(e: DragEvent, columnId: string): void {
    if (!this.isCardDrag(e)) {
      return;
    }
    e.preventDefault();
    e.dataTransfer!.dropEffect = 'move';
    const index = this.indexAt(columnId, e.clientY);
    if (this.dropTarget?.columnId !== columnId || this.dropTarget.index !== index) {
      this.dropTarget = { columnId, index };
    }
  }

  private onDragLeave(e: DragEvent, columnId: string): void {
    const section = e.currentTarget as HTMLElement;
    if (this.dropTarget?.columnId === columnId && !section.contains(e.relatedTarget as Node | null)) {
      this.dropTarget = undefined;
    }
  }

  private onDrop(e: DragEvent, columnId: string): void {
    if (!this.isCardDrag(e)) {
      return;
    }
    e.preventDefault();
    const id = e.dataTransfer!.getData(DRAG_TYPE) || this.dragging;
    const index = this.indexAt(columnId, e.clientY);
    this.dragging = undefined;
    this.dropTarget = undefined;
    if (id && this.byId.has(id)) {
      this.move(id, columnId, index, false);
    }
  }

  /** Where a card dropped at clientY lands in the column, counting the column's cards without the dragged one. */
  private indexAt(columnId: string, clientY: number): number {
    const dragged = this.dragging;
    const elements = [...this.renderRoot.querySelectorAll<HTMLElement>(`section[data-column-id="${CSS.escape(columnId)}"] li[data-card-id]`)]
      .filter((el) => el.dataset.cardId !== dragged);
    const found = elements.findIndex((el) => {
      const box = el.getBoundingClientRect();
      return clientY < box.top + box.height / 2;
    });
    return found < 0 ? elements.length : found;
  }

  private columnOf(cardId: string): string | undefined {
    for (const [columnId, ids] of this.order) {
      if (ids.includes(cardId)) {
        return columnId;
      }
    }
    return undefined;
  }

  /** Moves a card on the client (optimistic) and tells the server. */
  private move(cardId: string, toColumnId: string, toIndex: number, keyboard: boolean): void {
    const result = MillflowKanban.moved(this.order, cardId, toColumnId, toIndex);
    if (!result) {
      return;
    }
    const { order, fromColumnId, index, size } = result;
    this.order = order;
    this.seq = Math.max(this.seq, Number(this.ackSeq) || 0) + 1;
    this.unacked.push({ seq: this.seq, cardId, toColumnId, toIndex: index });
    const column = this.columns.find((c) => c.id === toColumnId);
    const title = this.byId.get(cardId)?.title ?? cardId;
    this.announcement = `${title} moved to ${column?.title ?? toColumnId}, position ${index + 1} of ${size}`;
    this.fire('millflow-kanban-card-moved', { cardId, fromColumnId, toColumnId, toIndex: index, seq: this.seq });
    if (keyboard) {
      void this.updateComplete.then(() => this.focusCard(cardId));
    }
  }

  private onKeyDown(e: KeyboardEvent, cardId: string): void {
    const columnIds = this.columns.map((c) => String(c.id));
    const columnId = this.columnOf(cardId);
    if (columnId === undefined) {
      return;
    }
    const col = columnIds.indexOf(columnId);
    const ids = this.order.get(columnId)!;
    const index = ids.indexOf(cardId);
    if (e.key === 'Enter' && !e.altKey) {
      e.preventDefault();
      this.fire('millflow-kanban-card-click', { cardId });
      return;
    }
    if (e.altKey && !this.readonly) {
      let handled = true;
      if (e.key === 'ArrowRight' && col < columnIds.length - 1) {
        this.move(cardId, columnIds[col + 1], index, true);
      } else if (e.key === 'ArrowLeft' && col > 0) {
        this.move(cardId, columnIds[col - 1], index, true);
      } else if (e.key === 'ArrowUp' && index > 0) {
        this.move(cardId, columnId, index - 1, true);
      } else if (e.key === 'ArrowDown' && index < ids.length - 1) {
        this.move(cardId, columnId, index + 1, true);
      } else {
        handled = e.key.startsWith('Arrow');
      }
      if (handled) {
        e.preventDefault();
      }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) {
      return;
    }
    let next: string | undefined;
    if (e.key === 'ArrowDown') {
      next = ids[index + 1];
    } else if (e.key === 'ArrowUp') {
      next = ids[index - 1];
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const step = e.key === 'ArrowRight' ? 1 : -1;
      for (let c = col + step; c >= 0 && c < columnIds.length && !next; c += step) {
        const other = this.order.get(columnIds[c]) ?? [];
        next = other[Math.min(index, other.length - 1)];
      }
    } else {
      return;
    }
    e.preventDefault();
    if (next) {
      this.focusCard(next);
    }
  }

  private focusCard(cardId: string): void {
    this.renderRoot.querySelector<HTMLElement>(`li[data-card-id="${CSS.escape(cardId)}"]`)?.focus();
  }

  private fire(name: string, detail: Record<string, unknown>): void {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'millflow-kanban': MillflowKanban;
  }
}
