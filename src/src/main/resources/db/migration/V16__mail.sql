-- Mail (ADR 0026): outbox of mails written in the business transaction, templates per kind and language,
-- single-use reply tokens of approval mails, and the log of inbound replies.

create table mail_outbox (
    id                 uuid primary key,
    kind               varchar(40)   not null,
    language           varchar(8)    not null,
    recipient_username varchar(64),
    to_addresses       varchar(2000) not null,
    cc_addresses       varchar(2000),
    reply_to           varchar(320),
    subject            varchar(998)  not null,
    body_text          text          not null,
    body_html          text,
    reference_type     varchar(40),
    reference_id       varchar(64),
    status             varchar(12)   not null check (status in ('PENDING', 'SENT', 'FAILED', 'NOT_SENT')),
    attempts           integer       not null default 0,
    max_attempts       integer       not null,
    next_attempt_at    timestamptz   not null,
    locked_until       timestamptz,
    last_attempt_at    timestamptz,
    last_error         varchar(2000),
    created_by         varchar(64)   not null,
    created_at         timestamptz   not null,
    sent_at            timestamptz
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_created on mail_outbox (created_at desc);
create index mail_outbox_reference on mail_outbox (reference_type, reference_id);

create table mail_outbox_attachment (
    id           uuid primary key,
    mail_id      uuid         not null references mail_outbox (id) on delete cascade,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    content      bytea        not null
);
create index mail_outbox_attachment_mail on mail_outbox_attachment (mail_id);

create table mail_template (
    kind       varchar(40)  not null,
    language   varchar(8)   not null check (language in ('en', 'de')),
    subject    varchar(998) not null,
    body_text  text         not null,
    body_html  text         not null,
    version    bigint       not null default 0,
    updated_by varchar(64)  not null,
    updated_at timestamptz  not null,
    primary key (kind, language)
);

-- one row per issued reply token; used_at makes it single-use
create table mail_reply_token (
    nonce      varchar(32)  primary key,
    task_id    varchar(64)  not null,
    username   varchar(64)  not null,
    expires_at timestamptz  not null,
    created_at timestamptz  not null,
    used_at    timestamptz,
    used_by_inbound uuid
);
create index mail_reply_token_task on mail_reply_token (task_id);

create table mail_inbound (
    id           uuid primary key,
    source       varchar(12)   not null,
    external_id  varchar(998)  not null,
    from_address varchar(320),
    subject      varchar(998),
    received_at  timestamptz,
    processed_at timestamptz   not null,
    outcome      varchar(20)   not null,
    detail       varchar(2000),
    task_id      varchar(64),
    username     varchar(64),
    unique (source, external_id)
);
create index mail_inbound_processed on mail_inbound (processed_at desc);

insert into mail_template (kind, language, subject, body_text, body_html, updated_by, updated_at) values
('APPROVAL_NEEDED', 'en', 'Approval needed: {{taskName}} {{businessKey}} [MF-{{replyToken}}]',
'Hello {{recipientName}},

your approval is needed: {{taskName}} ({{businessKey}}).
Due: {{dueDate}}

Open it in Millflow: {{link}}

Or answer this mail: write APPROVE or REJECT on the first line, and a comment below it (a comment is needed to reject).
Keep the reference MF-{{replyToken}} in the subject. The reference works once and only from your own address.',
'<p>Hello {{recipientName}},</p>
<p>your approval is needed: <strong>{{taskName}}</strong> ({{businessKey}}).<br>Due: {{dueDate}}</p>
<p><a href="{{link}}">Open it in Millflow</a></p>
<p>Or answer this mail: write <strong>APPROVE</strong> or <strong>REJECT</strong> on the first line, and a comment below it (a comment is needed to reject).
Keep the reference MF-{{replyToken}} in the subject. The reference works once and only from your own address.</p>',
'system', now()),
('APPROVAL_NEEDED', 'de', 'Genehmigung erforderlich: {{taskName}} {{businessKey}} [MF-{{replyToken}}]',
'Hallo {{recipientName}},

Ihre Genehmigung wird benötigt: {{taskName}} ({{businessKey}}).
Fällig: {{dueDate}}

In Millflow öffnen: {{link}}

Oder antworten Sie auf diese Mail: GENEHMIGEN oder ABLEHNEN in die erste Zeile, darunter ein Kommentar (für eine Ablehnung nötig).
Lassen Sie die Referenz MF-{{replyToken}} im Betreff. Sie gilt einmal und nur von Ihrer eigenen Adresse.',
'<p>Hallo {{recipientName}},</p>
<p>Ihre Genehmigung wird benötigt: <strong>{{taskName}}</strong> ({{businessKey}}).<br>Fällig: {{dueDate}}</p>
<p><a href="{{link}}">In Millflow öffnen</a></p>
<p>Oder antworten Sie auf diese Mail: <strong>GENEHMIGEN</strong> oder <strong>ABLEHNEN</strong> in die erste Zeile, darunter ein Kommentar (für eine Ablehnung nötig).
Lassen Sie die Referenz MF-{{replyToken}} im Betreff. Sie gilt einmal und nur von Ihrer eigenen Adresse.</p>',
'system', now()),
('TASK_ASSIGNED', 'en', 'New task: {{title}}',
'Hello {{recipientName}},

{{body}}

Open it in Millflow: {{link}}',
'<p>Hello {{recipientName}},</p><p>{{body}}</p><p><a href="{{link}}">Open it in Millflow</a></p>',
'system', now()),
('TASK_ASSIGNED', 'de', 'Neue Aufgabe: {{title}}',
'Hallo {{recipientName}},

{{body}}

In Millflow öffnen: {{link}}',
'<p>Hallo {{recipientName}},</p><p>{{body}}</p><p><a href="{{link}}">In Millflow öffnen</a></p>',
'system', now()),
('TASK_OVERDUE', 'en', 'Overdue: {{title}}',
'Hello {{recipientName}},

this is overdue: {{body}}

Open it in Millflow: {{link}}',
'<p>Hello {{recipientName}},</p><p>This is overdue: {{body}}</p><p><a href="{{link}}">Open it in Millflow</a></p>',
'system', now()),
('TASK_OVERDUE', 'de', 'Überfällig: {{title}}',
'Hallo {{recipientName}},

das ist überfällig: {{body}}

In Millflow öffnen: {{link}}',
'<p>Hallo {{recipientName}},</p><p>Das ist überfällig: {{body}}</p><p><a href="{{link}}">In Millflow öffnen</a></p>',
'system', now()),
('DIGEST', 'en', 'Millflow: {{count}} updates',
'Hello {{recipientName}},

what happened since your last summary:

{{items}}
Millflow: {{link}}',
'<p>Hello {{recipientName}},</p><p>What happened since your last summary:</p>{{items}}<p><a href="{{link}}">Millflow</a></p>',
'system', now()),
('DIGEST', 'de', 'Millflow: {{count}} Neuigkeiten',
'Hallo {{recipientName}},

was seit Ihrer letzten Zusammenfassung geschah:

{{items}}
Millflow: {{link}}',
'<p>Hallo {{recipientName}},</p><p>Was seit Ihrer letzten Zusammenfassung geschah:</p>{{items}}<p><a href="{{link}}">Millflow</a></p>',
'system', now()),
('GENERIC', 'en', '{{title}}',
'Hello {{recipientName}},

{{body}}

Open it in Millflow: {{link}}',
'<p>Hello {{recipientName}},</p><p>{{body}}</p><p><a href="{{link}}">Open it in Millflow</a></p>',
'system', now()),
('GENERIC', 'de', '{{title}}',
'Hallo {{recipientName}},

{{body}}

In Millflow öffnen: {{link}}',
'<p>Hallo {{recipientName}},</p><p>{{body}}</p><p><a href="{{link}}">In Millflow öffnen</a></p>',
'system', now()),
('PURCHASE_ORDER_SENT', 'en', 'Purchase order {{poNumber}} from {{companyName}}',
'Dear {{supplierName}},

please find attached our purchase order {{poNumber}} (revision {{revision}}) of {{total}} {{currency}}, first delivery date {{deliveryDate}}.
Please confirm it in the supplier portal or answer this mail.

Kind regards
{{buyer}}, {{companyName}}',
'<p>Dear {{supplierName}},</p>
<p>please find attached our purchase order <strong>{{poNumber}}</strong> (revision {{revision}}) of {{total}} {{currency}}, first delivery date {{deliveryDate}}.<br>
Please confirm it in the supplier portal or answer this mail.</p>
<p>Kind regards<br>{{buyer}}, {{companyName}}</p>',
'system', now()),
('PURCHASE_ORDER_SENT', 'de', 'Bestellung {{poNumber}} von {{companyName}}',
'Sehr geehrte Damen und Herren ({{supplierName}}),

anbei unsere Bestellung {{poNumber}} (Revision {{revision}}) über {{total}} {{currency}}, erster Liefertermin {{deliveryDate}}.
Bitte bestätigen Sie sie im Lieferantenportal oder per Antwort auf diese Mail.

Mit freundlichen Grüßen
{{buyer}}, {{companyName}}',
'<p>Sehr geehrte Damen und Herren ({{supplierName}}),</p>
<p>anbei unsere Bestellung <strong>{{poNumber}}</strong> (Revision {{revision}}) über {{total}} {{currency}}, erster Liefertermin {{deliveryDate}}.<br>
Bitte bestätigen Sie sie im Lieferantenportal oder per Antwort auf diese Mail.</p>
<p>Mit freundlichen Grüßen<br>{{buyer}}, {{companyName}}</p>',
'system', now()),
('REPLY_REFUSED', 'en', 'Your answer was not applied: {{subject}}',
'Hello {{recipientName}},

your answer by mail could not be applied: {{reason}}

Please decide in Millflow: {{link}}',
'<p>Hello {{recipientName}},</p><p>your answer by mail could not be applied: {{reason}}</p><p><a href="{{link}}">Please decide in Millflow</a></p>',
'system', now()),
('REPLY_REFUSED', 'de', 'Ihre Antwort wurde nicht übernommen: {{subject}}',
'Hallo {{recipientName}},

Ihre Antwort per Mail konnte nicht übernommen werden: {{reason}}

Bitte entscheiden Sie in Millflow: {{link}}',
'<p>Hallo {{recipientName}},</p><p>Ihre Antwort per Mail konnte nicht übernommen werden: {{reason}}</p><p><a href="{{link}}">Bitte entscheiden Sie in Millflow</a></p>',
'system', now());
