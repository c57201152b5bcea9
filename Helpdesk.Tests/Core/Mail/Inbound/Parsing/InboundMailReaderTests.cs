using Helpdesk.Core.Mail.Inbound.Parsing;
using MimeKit;

namespace Helpdesk.Tests.Core.Mail.Inbound.Parsing;

public sealed class InboundMailReaderTests
{
    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Core", "Mail", "Inbound", "Fixtures", name));

    private static InboundMailContent Read(string name)
    {
        var raw = Fixture(name);
        return InboundMailReader.Read(InboundMailReader.Load(raw), raw);
    }

    [Theory]
    [InlineData("plain.eml", "Printer on 3rd floor jams", "the printer jams on every page")]
    [InlineData("latin1-qp.eml", "Kaffeemaschine in Küche defekt", "Grüße aus München")]
    [InlineData("gb2312-base64.eml", "打印机故障", "你好，打印机坏了")]
    [InlineData("iso2022jp.eml", "プリンターが故障しました", "会議室のプリンターが動きません")]
    [InlineData("broken-mime.eml", "Broken mail", "The body survives.")]
    public void Read_Charsets_DecodeSubjectAndBody(string fixture, string subject, string bodyPart)
    {
        var content = Read(fixture);

        Assert.Equal(subject, content.Subject);
        Assert.Contains(bodyPart, content.TextBody);
    }

    [Fact]
    public void Read_FormatFlowedQuotedPrintable_JoinsFlowedLinesAndKeepsHardBreaksAndQuotes()
    {
        var text = Read("thunderbird-flowed-reply.eml").TextBody.ReplaceLineEndings("\n");

        Assert.Contains("but the printer still jams on every second page. The display shows \"Papierstau Fach 2\" – schöne Grüße aus München.\n\nJörg", text);
        Assert.Contains("> Hello,\n> the printer jams on every page.", text);
    }

    [Theory]
    [InlineData("yes", "Thepasswordresetlinkexpired.")]
    [InlineData("no", "The password reset link expired.")]
    public void Read_FormatFlowedDelSp_RemovesTheSoftBreakSpaceOnlyWhenAsked(string delsp, string expected)
    {
        var raw = System.Text.Encoding.ASCII.GetBytes(
            $"From: a@customer.test\r\nSubject: flowed\r\nContent-Type: text/plain; charset=us-ascii; format=flowed; delsp={delsp}\r\n\r\nThe \r\npassword \r\nreset \r\nlink \r\nexpired.\r\n");

        Assert.Equal(expected, InboundMailReader.Read(InboundMailReader.Load(raw), raw).TextBody.Trim());
    }

    [Fact]
    public void Read_LatinSender_DecodesDisplayNameAndLowercasesAddress()
    {
        var content = Read("latin1-qp.eml");

        Assert.Equal(("joerg@customer.test", "Jörg Müller"), (content.FromAddress, content.FromName));
        Assert.Equal("<latin1-1@customer.test>", content.MessageId);
    }

    [Fact]
    public void Read_HtmlOnlyWithInlineImage_GivesTextWithoutScriptsAndKeepsTheImage()
    {
        var content = Read("html-inline-image.eml");

        Assert.Contains("The CRM shows error 500:", content.TextBody);
        Assert.DoesNotContain("alert", content.TextBody);
        Assert.DoesNotContain("color:red", content.TextBody);
        var image = Assert.Single(content.Attachments);
        Assert.Equal(("image-1.png", "image/png", true, "shot@customer.test"), (image.FileName, image.ContentType, image.IsInline, image.ContentId));
        Assert.Equal([0x89, 0x50, 0x4e, 0x47], image.Content[..4]);
    }

    [Fact]
    public void Read_HtmlOnlyShowingMarkupAsText_TextSaysWhatTheSenderSawEachReferenceDecodedOnce()
    {
        var content = Read("html-escaped-markup.eml");

        Assert.Equal("In the order mail, &lt;br&gt; shows as text instead of a line break, and &amp;nbsp; too.\n\nTom & Jerry <3 été été", content.TextBody);
    }

    [Fact]
    public void Read_HtmlOnlyAlertWithATable_CellsAreWordsApartAndRulesEndALine()
    {
        var content = Read("html-table-alert.eml");

        Assert.Equal("Problem started at 08:41:12 on 2026.12.06\n\nHost db01.customer.test\n\nSeverity High\n\nOperational data 97 %\n\nOriginal problem ID: 4711",
            content.TextBody);
    }

    [Fact]
    public void Read_Rfc2231ContinuedFilename_IsDecoded()
    {
        var attachment = Assert.Single(Read("rfc2231-filename.eml").Attachments);

        Assert.Equal("Réseau - journal du routeur.txt", attachment.FileName);
        Assert.Contains("router log line 1", System.Text.Encoding.UTF8.GetString(attachment.Content));
    }

    [Fact]
    public void Read_NamelessAttachment_GetsANameFromItsType()
    {
        var attachment = Assert.Single(Read("nameless-attachment.eml").Attachments);

        Assert.Equal(("attachment-1.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(attachment.Content));
    }

    [Fact]
    public void Read_ForwardedMessage_BecomesAnEmlAttachmentNamedAfterItsSubject()
    {
        var content = Read("forwarded-rfc822.eml");

        var attachment = Assert.Single(content.Attachments);
        Assert.Equal(("You won a prize.eml", "message/rfc822"), (attachment.FileName, attachment.ContentType));
        Assert.Contains("Send your bank details.", System.Text.Encoding.ASCII.GetString(attachment.Content));
        Assert.Equal("Is this phishing?", content.TextBody);
    }

    [Fact]
    public void Read_BrokenMime_AttachesTheUndecodablePartAsItCameAndSaysSo()
    {
        var content = Read("broken-mime.eml");

        var kept = Assert.Single(content.Attachments);
        Assert.Equal("data.bin.undecoded.txt", kept.FileName);
        Assert.Contains("!!!not base64 at all@@@", System.Text.Encoding.ASCII.GetString(kept.Content));
        Assert.Contains("could not be decoded (broken base64); it is attached as it came, as data.bin.undecoded.txt.", content.TextBody);
    }

    [Fact]
    public void Read_AlternativeWithCalendar_KeepsOneBodyAndAttachesTheInvitation()
    {
        var raw = System.Text.Encoding.ASCII.GetBytes(
            "From: a@x.test\r\nSubject: Meeting\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n" +
            "--alt\r\nContent-Type: text/plain\r\n\r\nLet us meet.\r\n" +
            "--alt\r\nContent-Type: text/html\r\n\r\n<p>Let us <b>meet</b>.</p>\r\n" +
            "--alt\r\nContent-Type: text/calendar; method=REQUEST\r\n\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n--alt--\r\n");

        var content = InboundMailReader.Read(InboundMailReader.Load(raw), raw);

        Assert.Equal("Let us meet.", content.TextBody);
        Assert.Equal("<p>Let us <b>meet</b>.</p>", content.HtmlBody?.Trim());
        Assert.Equal(("attachment-1.ics", "text/calendar"), (Assert.Single(content.Attachments).FileName, content.Attachments[0].ContentType));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\r\n")]
    public void Read_AlternativeWithAnEmptyPlainVersion_TextIsTheHtmlsText(string plain)
    {
        var raw = System.Text.Encoding.ASCII.GetBytes(
            "From: a@x.test\r\nSubject: Printer\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n" +
            $"--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{plain}\r\n" +
            "--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<div>The printer <b>prints</b> nothing.</div>\r\n--alt--\r\n");

        var content = InboundMailReader.Read(InboundMailReader.Load(raw), raw);

        Assert.Equal("The printer prints nothing.", content.TextBody);
        Assert.Equal("<div>The printer <b>prints</b> nothing.</div>", content.HtmlBody?.Trim());
    }

    [Theory]
    [InlineData("application/pkcs7-signature", "smime.p7s", "S/MIME")]
    [InlineData("application/x-pkcs7-signature", "smime.p7s", "S/MIME")]
    [InlineData("application/pgp-signature", "signature.asc", "OpenPGP")]
    public void Read_SignedMail_TextIsTheSignedContentAndTheSignatureNoAttachment(string type, string file, string kind)
    {
        var raw = System.Text.Encoding.ASCII.GetBytes(
            $"From: a@x.test\r\nSubject: Signed\r\nMIME-Version: 1.0\r\nContent-Type: multipart/signed; protocol=\"{type}\"; boundary=s\r\n\r\n" +
            "--s\r\nContent-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\nPlease reset my password.\r\n" +
            "--m\r\nContent-Type: application/pdf; name=form.pdf\r\nContent-Disposition: attachment; filename=form.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--m--\r\n" +
            $"--s\r\nContent-Type: {type}; name={file}\r\nContent-Disposition: attachment; filename={file}\r\nContent-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHAqCAMIACAQEx\r\n--s--\r\n");

        var content = InboundMailReader.Read(InboundMailReader.Load(raw), raw);

        Assert.StartsWith("Please reset my password.", content.TextBody);
        Assert.EndsWith($"The mail is signed ({kind}); the signature is not checked here and is kept with the mail as it came.", content.TextBody);
        Assert.Equal(["form.pdf"], content.Attachments.Select(a => a.FileName));
    }

    [Fact]
    public void Read_InlineOpenPgpSignedText_TextIsTheSignedMessageWithoutTheArmor()
    {
        var raw = System.Text.Encoding.ASCII.GetBytes("From: a@x.test\r\nSubject: VPN\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
            "-----BEGIN PGP SIGNED MESSAGE-----\r\nHash: SHA256\r\n\r\nThe VPN is down.\r\n- -- \r\nPat\r\n" +
            "-----BEGIN PGP SIGNATURE-----\r\n\r\niQEzBAEBCAAdFiEE\r\n=Xq7D\r\n-----END PGP SIGNATURE-----\r\n");

        var content = InboundMailReader.Read(InboundMailReader.Load(raw), raw);

        Assert.Equal("The VPN is down.\n-- \nPat\n\nThe mail is signed (OpenPGP); the signature is not checked here and is kept with the mail as it came.", content.TextBody);
    }

    [Fact]
    public void Read_OpaqueSignedSmime_TextIsReadOutOfTheSignedData()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Alice, E=alice@customer.test", key,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var message = new MimeMessage { Subject = "Opaque" };
        message.From.Add(MailboxAddress.Parse("alice@customer.test"));
        using (var context = new MimeKit.Cryptography.TemporarySecureMimeContext())
            message.Body = MimeKit.Cryptography.ApplicationPkcs7Mime.Sign(context, new MimeKit.Cryptography.CmsSigner(certificate),
                new TextPart("plain") { Text = "The VPN drops every hour." });
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        var raw = stream.ToArray();

        var content = InboundMailReader.Read(InboundMailReader.Load(raw), raw);

        Assert.Equal("The VPN drops every hour.\n\nThe mail is signed (S/MIME); the signature is not checked here and is kept with the mail as it came.", content.TextBody);
        Assert.Empty(content.Attachments);
    }

    [Fact]
    public void Read_HeaderWordsInUtf7_SubjectAndSenderNameAreDecoded()
    {
        // As Outlook Express wrote them: Q and B words, one beside a word in another charset, one folded onto a second line.
        var raw = System.Text.Encoding.ASCII.GetBytes("From: =?utf-7?Q?J+APY-rg_M+APw-ller?= <joerg@customer.test>\r\n" +
            "Subject: =?UTF-7?B?R3IrQVB3QTN3LWU=?= aus =?iso-8859-1?Q?M=FCnchen?=,\r\n =?unicode-1-1-utf-7?Q?Dru+AK0-cker?=\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nbody\r\n");

        var content = InboundMailReader.Read(InboundMailReader.Load(raw), raw);

        Assert.Equal(("Grüße aus München, Dru\u00ADcker", "Jörg Müller", "joerg@customer.test"), (content.Subject, content.FromName, content.FromAddress));
    }

    [Fact]
    public void Read_HeaderThatOnlyNamesUtf7_KeepsTheCharsetGuessedForItsBytes()
    {
        // 8-bit Windows-1251 without a charset, beside the name "UTF-7": the charset guessed for the headers still applies.
        const string subject = "UTF-7: Принтер на третьем этаже не печатает документы, пожалуйста помогите";
        var windows1251 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1251)!;
        var raw = windows1251.GetBytes($"From: a@x.test\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nbody\r\n");

        var content = InboundMailReader.Read(InboundMailReader.Load(raw), raw);

        Assert.Equal(subject, content.Subject);
    }

    [Fact]
    public void Read_DamagedOpaqueSignedSmime_SaysSoAndAttachesThePartAsItCame()
    {
        var raw = System.Text.Encoding.ASCII.GetBytes("From: a@x.test\r\nSubject: Signed\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\r\nContent-Disposition: attachment; filename=smime.p7m\r\n" +
            "Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwGggCSABA==\r\n");

        var content = InboundMailReader.Read(InboundMailReader.Load(raw), raw);

        Assert.Equal("The mail is signed (S/MIME) with its text inside the signature, which could not be read (damaged); it is attached as it came, as smime.p7m.", content.TextBody);
        Assert.Equal(["smime.p7m"], content.Attachments.Select(a => a.FileName));
    }

    [Theory]
    [InlineData("Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\nContent-Disposition: attachment; filename=smime.p7m\r\n" +
        "Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAxggE=\r\n", "S/MIME", "smime.p7m")]
    [InlineData("Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=p\r\n\r\n--p\r\nContent-Type: application/pgp-encrypted\r\n\r\n" +
        "Version: 1\r\n--p\r\nContent-Type: application/octet-stream; name=encrypted.asc\r\n\r\n-----BEGIN PGP MESSAGE-----\r\nhQEMA0abcdef\r\n-----END PGP MESSAGE-----\r\n--p--\r\n",
        "OpenPGP", "encrypted.asc")]
    public void Read_EncryptedMail_SaysItCannotBeReadAndAttachesOnlyTheEncryptedMessage(string body, string kind, string file)
    {
        var raw = System.Text.Encoding.ASCII.GetBytes($"From: a@x.test\r\nSubject: Secret\r\nMIME-Version: 1.0\r\n{body}");

        var content = InboundMailReader.Read(InboundMailReader.Load(raw), raw);

        Assert.Equal($"The mail is encrypted ({kind}) and cannot be read here; the encrypted message is attached as it came, as {file}.", content.TextBody);
        Assert.Equal([file], content.Attachments.Select(a => a.FileName));
    }

    [Fact]
    public void Read_EmptyAttachment_IsLeftOutAndListedInTheText()
    {
        var raw = System.Text.Encoding.ASCII.GetBytes(
            "From: a@x.test\r\nSubject: Empty\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n" +
            "--m\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n" +
            "--m\r\nContent-Type: application/pdf; name=\"empty.pdf\"\r\nContent-Disposition: attachment; filename=\"empty.pdf\"\r\n\r\n\r\n--m--\r\n");

        var content = InboundMailReader.Read(InboundMailReader.Load(raw), raw);

        Assert.Empty(content.Attachments);
        Assert.Equal("See attached.\n\nThe attachment empty.pdf was empty and was left out.", content.TextBody);
    }

    [Fact]
    public void Read_NoMessageId_GivesAStableSyntheticOne()
    {
        var first = Read("no-message-id.eml");
        var second = Read("no-message-id.eml");

        Assert.EndsWith("@no-message-id.helpdesk.invalid>", first.MessageId);
        Assert.Equal(first.MessageId, second.MessageId);
    }

    [Fact]
    public void Read_RecipientsIncludeDeliveredToAndAreDeduplicated()
    {
        var raw = System.Text.Encoding.ASCII.GetBytes(
            "From: a@x.test\r\nTo: Support <SUPPORT@helpdesk.test>\r\nCc: network.support@helpdesk.test, support@helpdesk.test\r\n" +
            "Delivered-To: apps.support@helpdesk.test\r\nX-Original-To: support@helpdesk.test\r\nSubject: s\r\n\r\nbody\r\n");

        var content = InboundMailReader.Read(InboundMailReader.Load(raw), raw);

        Assert.Equal(["support@helpdesk.test", "network.support@helpdesk.test", "apps.support@helpdesk.test"], content.Recipients);
    }

    [Theory]
    [InlineData("garbage.bin")]
    public void Load_NotAMail_ThrowsClearMalformedMailException(string fixture)
    {
        var error = Assert.Throws<MalformedMailException>(() => InboundMailReader.Load(Fixture(fixture)));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Load_Empty_ThrowsMalformedMailException()
    {
        Assert.Equal("The message is empty.", Assert.Throws<MalformedMailException>(() => InboundMailReader.Load([])).Message);
    }
}

public sealed class InboundMailReaderTnefTests
{
    [Fact]
    public void Read_OutlookWinmailDat_ExtractsTheRealAttachment()
    {
        var raw = InboundMailReaderTests.Fixture("tnef-winmail.eml");

        var content = InboundMailReader.Read(InboundMailReader.Load(raw), raw);

        var attachment = Assert.Single(content.Attachments);
        Assert.Equal("report.txt", attachment.FileName);
        Assert.Equal("Quarterly numbers attached by Outlook.", System.Text.Encoding.ASCII.GetString(attachment.Content));
    }

    [Fact]
    public void Read_WinmailDatWithHtmlAndPlainBody_BodyIsTheMailTextAndOnlyTheFileIsAttached()
    {
        var raw = InboundMailReaderTests.Fixture("outlook-tnef-body.eml");

        var content = InboundMailReader.Read(InboundMailReader.Load(raw), raw);

        Assert.Equal("The scanner on floor 3 jams on every second page.\nRegards, Olivia", content.TextBody);
        Assert.Contains("<b>jams</b>", content.HtmlBody);
        var attachment = Assert.Single(content.Attachments);
        Assert.Equal("jam-log.txt", attachment.FileName);
    }

    [Fact]
    public void Read_WinmailDatWithOnlyAnRtfBody_TextIsReadFromTheRtfAndTheOriginalAttached()
    {
        var raw = InboundMailReaderTests.Fixture("outlook-tnef-rtf-only.eml");

        var content = InboundMailReader.Read(InboundMailReader.Load(raw), raw);

        Assert.Equal("The VPN drops every hour.\nThanks, Olivia", content.TextBody);
        Assert.Null(content.HtmlBody);
        Assert.Equal(["body.rtf"], content.Attachments.Select(a => a.FileName));
    }
}
