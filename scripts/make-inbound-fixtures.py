#!/usr/bin/env python3
"""Writes the real-world inbound fixtures whose bytes matter (8-bit headers, wrong charsets, mbox lines).

Run from the repository root: python3 scripts/make-inbound-fixtures.py
The .eml files are committed; this script documents how their bytes were made and can make them again.
"""
from pathlib import Path

OUT = Path("Helpdesk.Tests/Core/Mail/Inbound/Fixtures")


def mail(headers, body, mbox_line=None, junk=None):
    lines = []
    if mbox_line:
        lines.append(mbox_line.encode("ascii"))
    if junk:
        lines.extend(j.encode("ascii") for j in junk)
    for name, value in headers:
        lines.append(name.encode("ascii") + b": " + (value if isinstance(value, bytes) else value.encode("ascii")))
    return b"\r\n".join(lines) + b"\r\n\r\n" + (body if isinstance(body, bytes) else body.encode("ascii")) + b"\r\n"


def write(name, data):
    (OUT / name).write_bytes(data)


def base(sender, subject, message_id, extra=(), to="support@helpdesk.test"):
    return [("From", sender), ("To", to), ("Subject", subject), ("Message-ID", message_id),
            ("Date", "Tue, 24 Nov 2026 09:00:00 +0000"), *extra]


# mbox export: the envelope line is not a header
write("mbox-envelope.eml", mail(
    base("Bob Stone <bob@customer.test>", "Mbox export of my question", "<mbox-1@customer.test>",
         [("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=us-ascii")]),
    "The VPN client asks for a token twice.", mbox_line="From bob@customer.test Tue Nov 24 09:00:00 2026"))

# a tool wrote lines of its own before the headers
write("junk-before-headers.eml", mail(
    base("Bob Stone <bob@customer.test>", "Saved by an archiving tool", "<junk-1@customer.test>",
         [("MIME-Version", "1.0"), ("Content-Type", "text/plain")]),
    "The archive tool put two lines above my headers.",
    junk=["=== archived message 17 ===", ">>> exported 2026-11-24 09:00 by mailsaver <<<"]))

# 8-bit headers and body without any charset
for name, codec, sender_name, address, subject, body, mid in [
    ("gb2312-8bit-headers.eml", "gb2312", "张伟", b"zhang@customer.test", "会议室的打印机无法打印文件，请尽快派人修理", "你好，三楼会议室的打印机从昨天开始一直无法打印任何文件，显示卡纸错误。请尽快派技术人员过来检查和修理，谢谢。", "<gb-8bit-1@customer.test>"),
    ("shift-jis-8bit-headers.eml", "shift_jis", "山田太郎", b"taro@customer.test", "会議室のプリンターが動かないので修理をお願いします", "お疲れ様です。三階の会議室のプリンターが昨日から動きません。紙詰まりのエラーが表示されています。修理をお願いいたします。", "<sjis-8bit-1@customer.test>"),
    ("koi8r-8bit-headers.eml", "koi8-r", "Иван Петров", b"ivan@customer.test", "Не работает принтер в переговорной комнате на третьем этаже", "Здравствуйте, принтер в переговорной комнате на третьем этаже не печатает со вчерашнего дня. Пожалуйста, пришлите специалиста для ремонта.", "<koi8-8bit-1@customer.test>"),
]:
    write(name, mail(
        [("From", sender_name.encode(codec) + b" <" + address + b">"),
         ("To", "support@helpdesk.test"), ("Subject", subject.encode(codec)), ("Message-ID", mid),
         ("Date", "Tue, 24 Nov 2026 09:00:00 +0000"), ("MIME-Version", "1.0"), ("Content-Type", "text/plain"),
         ("Content-Transfer-Encoding", "8bit")],
        body.encode(codec)))

# declared charsets that do not fit the bytes
write("wrong-charset-utf8-declared.eml", mail(
    base("Joerg Mueller <joerg@customer.test>", "Heizung im Buero", "<wrong-utf8-1@customer.test>",
         [("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=utf-8"), ("Content-Transfer-Encoding", "8bit")]),
    "Die Heizung im Büro ist kalt. Schöne Grüße aus München, Jörg Müller".encode("cp1252")))
write("wrong-charset-ascii-declared.eml", mail(
    base("Joerg Mueller <joerg@customer.test>", "Drucker in der Kueche", "<wrong-ascii-1@customer.test>",
         [("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=us-ascii"), ("Content-Transfer-Encoding", "8bit")]),
    "Der Drucker in der Küche druckt nur Striche – bitte prüfen.".encode("utf-8")))
write("wrong-charset-latin1-declared.eml", mail(
    base("Joerg Mueller <joerg@customer.test>", "Kaffeeautomat", "<wrong-latin1-1@customer.test>",
         [("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=iso-8859-1"), ("Content-Transfer-Encoding", "8bit")]),
    "Der Kaffeeautomat zeigt „Störung“ an – Grüße, Jörg".encode("utf-8")))
