package io.millflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.mail.ReplyParser.Decision;
import org.junit.jupiter.api.Test;

class ReplyParserTest {

    @Test
    void approveWithACommentAboveTheQuotedMail() {
        Decision d = ReplyParser.parse("\r\nAPPROVE - fine with me\r\nbut order early\r\n\r\nOn Mon, 2 Nov 2026, "
                + "Millflow <mf@x> wrote:\r\n> Approval needed\r\n> REJECT").orElseThrow();
        assertThat(d.approved()).isTrue();
        assertThat(d.comment()).isEqualTo("fine with me\nbut order early");
    }

    @Test
    void germanSynonymsAndCase() {
        assertThat(ReplyParser.parse("ablehnen: zu teuer\n\nAm 02.11.2026 um 10:00 schrieb Millflow:\n> x")
                .orElseThrow()).isEqualTo(new Decision(false, "zu teuer"));
        assertThat(ReplyParser.parse("Genehmigt.").orElseThrow()).isEqualTo(new Decision(true, null));
    }

    @Test
    void quotedLinesAndOutlookHeadersAreNotTheAnswer() {
        assertThat(ReplyParser.parse("> APPROVE\n\nthanks")).isEmpty();
        assertThat(ReplyParser.parse("REJECT\nnot needed\n-----Original Message-----\nFrom: Millflow\nAPPROVE")
                .orElseThrow()).isEqualTo(new Decision(false, "not needed"));
        assertThat(ReplyParser.parse("Approvement pending\nAPPROVE")).isEmpty();
        assertThat(ReplyParser.parse("")).isEmpty();
        assertThat(ReplyParser.parse(null)).isEmpty();
    }
}
