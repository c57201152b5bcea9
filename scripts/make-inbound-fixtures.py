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


# Outlook's winmail.dat (TNEF, MS-OXTNEF) carrying the message body itself, not only attachments
def tnef_attribute(level, attribute_id, data):
    import struct
    return struct.pack("<BII", level, attribute_id, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)


def tnef_properties(properties):
    import struct
    out = struct.pack("<I", len(properties))
    for prop_type, prop_id, value in properties:
        padded = value + b"\0" * (-len(value) % 4)
        out += struct.pack("<HHII", prop_type, prop_id, 1, len(value)) + padded
    return out


def tnef(message_properties, attachments=()):
    import struct
    data = struct.pack("<IH", 0x223E9F78, 0x0001)
    data += tnef_attribute(1, 0x00089006, struct.pack("<I", 0x00010000))  # attTnefVersion
    data += tnef_attribute(1, 0x00069007, struct.pack("<II", 1252, 0))  # attOemCodepage
    data += tnef_attribute(1, 0x00078008, b"IPM.Microsoft Mail.Note\0")  # attMessageClass
    data += tnef_attribute(1, 0x00069003, tnef_properties(message_properties))  # attMsgProps
    for name, content in attachments:
        data += tnef_attribute(2, 0x00069002, struct.pack("<HIHHI", 1, 0xFFFFFFFF, 0xFFFF, 0xFFFF, 1))  # attAttachRendData
        data += tnef_attribute(2, 0x00018010, name.encode("ascii") + b"\0")  # attAttachTitle
        data += tnef_attribute(2, 0x0006800F, content)  # attAttachData
    return data


def winmail_mail(file, sender, subject, message_id, winmail):
    import base64
    encoded = base64.encodebytes(winmail).decode("ascii").replace("\n", "\r\n").rstrip()
    write(file, mail(
        base(sender, subject, message_id, [("MIME-Version", "1.0"), ("Content-Type", 'multipart/mixed; boundary="winmail"')]),
        "--winmail\r\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\r\nContent-Disposition: attachment; filename=\"winmail.dat\"\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" + encoded + "\r\n--winmail--"))


PT_STRING8, PT_UNICODE, PT_BINARY = 0x001E, 0x001F, 0x0102
PR_BODY, PR_BODY_HTML, PR_RTF_COMPRESSED = 0x1000, 0x1013, 0x1009

winmail_mail("outlook-tnef-body.eml", "Olivia Grant <olivia@customer.test>", "Scanner on floor 3 jams", "<tnef-body-1@customer.test>", tnef(
    [(PT_UNICODE, PR_BODY, "The scanner on floor 3 jams on every second page.\r\nRegards, Olivia\0".encode("utf-16-le")),
     (PT_BINARY, PR_BODY_HTML, b"<html><body><p>The scanner on floor 3 <b>jams</b> on every second page.</p><p>Regards, Olivia</p></body></html>")],
    [("jam-log.txt", b"E-204 paper jam tray 2")]))

# An RTF-only body (PR_RTF_COMPRESSED stored uncompressed, "MELA"), as Outlook sends rich text to a non-Exchange address
rtf = rb"{\rtf1\ansi\deff0{\fonttbl{\f0 Calibri;}}\f0 The VPN drops every hour.\par Thanks, Olivia\par}"
import struct as _struct
rtf_compressed = _struct.pack("<IIII", len(rtf) + 12, len(rtf), 0x414C454D, 0) + rtf
winmail_mail("outlook-tnef-rtf-only.eml", "Olivia Grant <olivia@customer.test>", "VPN drops hourly", "<tnef-rtf-1@customer.test>", tnef(
    [(PT_BINARY, PR_RTF_COMPRESSED, rtf_compressed)]))
