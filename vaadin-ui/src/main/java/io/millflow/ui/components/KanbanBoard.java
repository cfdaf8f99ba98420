package io.millflow.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * A Kanban board: columns of cards that users move with the mouse (native HTML5 drag &amp; drop) or the keyboard
 * (focus a card; Alt+ArrowLeft/Right to the previous/next column, Alt+ArrowUp/Down within the column; arrow keys
 * alone move the focus; Enter clicks).
 *
 * <p>A move is shown at once in the browser (optimistic) and reported as a {@link CardMovedEvent}; the board does
 * not change its server-side cards. The server applies the move and, when it refuses it (or whenever it has newer
 * data), calls {@link #setCards} again — the browser then shows exactly those cards, even when the list is
 * unchanged (which snaps a refused move back).
 *
 * <p>Within a column cards are shown by {@link Card#rank()} (ties: list order); cards of a column that is not on the
 * board are not shown. Test hooks: {@code section[data-column-id]} per column with a {@code span.count[data-count]}
 * badge, {@code li[data-card-id]} per card, {@code data-rendered="true"} on the element.
 */
@Tag("millflow-kanban")
@JsModule("./components/millflow-kanban.ts")
public class KanbanBoard extends Component implements HasSize {

    public record Column(String id, String title) {

        public Column {
            Objects.requireNonNull(id, "id");
        }
    }

    /** A card; {@code subtitle} and {@code badge} may be {@code null}. */
    public record Card(String id, String columnId, int rank, String title, String subtitle, String badge) {

        public Card {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(columnId, "columnId");
        }
    }

    private int revision;
    /** The number of the last move the browser reported; sent with the cards (see {@link #setCards}). */
    private int lastSeq;

    public KanbanBoard() {
        // registered first, so it runs before the listeners that answer a move with setCards
        addListener(CardMovedEvent.class, e -> lastSeq = e.seq);
    }

    /** The columns, left to right. */
    public void setColumns(List<Column> columns) {
        JsonArray array = Json.createArray();
        for (Column column : columns == null ? List.<Column>of() : columns) {
            JsonObject json = Json.createObject();
            json.put("id", column.id());
            json.put("title", column.title() == null ? column.id() : column.title());
            array.set(array.length(), json);
        }
        getElement().setPropertyJson("columns", array);
    }

    /**
     * All cards of the board, replacing what the browser shows, including moves it made optimistically — except
     * moves this server had not received yet when it called this (those the browser keeps on top), so that a late
     * answer to one move does not undo the next.
     */
    public void setCards(List<Card> cards) {
        JsonArray array = Json.createArray();
        for (Card card : cards == null ? List.<Card>of() : cards) {
            JsonObject json = Json.createObject();
            json.put("id", card.id());
            json.put("columnId", card.columnId());
            json.put("rank", card.rank());
            json.put("title", card.title() == null ? "" : card.title());
            if (card.subtitle() != null) {
                json.put("subtitle", card.subtitle());
            }
            if (card.badge() != null) {
                json.put("badge", card.badge());
            }
            array.set(array.length(), json);
        }
        getElement().setPropertyJson("cards", array);
        getElement().setProperty("ackSeq", lastSeq);
        getElement().setProperty("revision", ++revision);
    }

    /** Read-only: cards cannot be dragged or moved with the keyboard (clicks still work). */
    public void setReadonly(boolean readonly) {
        getElement().setProperty("readonly", readonly);
    }

    public boolean isReadonly() {
        return getElement().getProperty("readonly", false);
    }

    public Registration addCardMovedListener(ComponentEventListener<CardMovedEvent> listener) {
        return addListener(CardMovedEvent.class, listener);
    }

    /** A card was clicked or Enter was pressed on it. */
    public Registration addCardClickListener(ComponentEventListener<CardClickEvent> listener) {
        return addListener(CardClickEvent.class, listener);
    }

    /**
     * A card was dropped (or moved with the keyboard) somewhere other than where it was. {@link #toIndex()} is its
     * position in the target column after the move, 0 = top, counting the cards the browser showed in that column.
     */
    @DomEvent("millflow-kanban-card-moved")
    public static class CardMovedEvent extends ComponentEvent<KanbanBoard> {

        private final String cardId;
        private final String fromColumnId;
        private final String toColumnId;
        private final int toIndex;
        private final int seq;

        public CardMovedEvent(KanbanBoard source, boolean fromClient,
                @EventData("event.detail.cardId") String cardId,
                @EventData("event.detail.fromColumnId") String fromColumnId,
                @EventData("event.detail.toColumnId") String toColumnId,
                @EventData("event.detail.toIndex") int toIndex,
                @EventData("event.detail.seq") int seq) {
            super(source, fromClient);
            this.cardId = cardId;
            this.fromColumnId = fromColumnId;
            this.toColumnId = toColumnId;
            this.toIndex = toIndex;
            this.seq = seq;
        }

        public String cardId() {
            return cardId;
        }

        /** The column the card was in before the move (equals {@link #toColumnId()} for a reorder). */
        public String fromColumnId() {
            return fromColumnId;
        }

        public String toColumnId() {
            return toColumnId;
        }

        public int toIndex() {
            return toIndex;
        }
    }

    @DomEvent("millflow-kanban-card-click")
    public static class CardClickEvent extends ComponentEvent<KanbanBoard> {

        private final String cardId;

        public CardClickEvent(KanbanBoard source, boolean fromClient, @EventData("event.detail.cardId") String cardId) {
            super(source, fromClient);
            this.cardId = cardId;
        }

        public String cardId() {
            return cardId;
        }
    }
}
