using Helpdesk.Core.Mail.Inbound.Parsing;

namespace Helpdesk.Tests.Core.Mail.Inbound.Parsing;

public sealed class MailParameterParserTests
{
    public static TheoryData<string, string, string?> EveryParameter => new()
    {
        { "#category: rfc", "category", "rfc" }, { "#change_id: 12", "change_id", "12" }, { "#ci: CORE-SW-1", "ci", "CORE-SW-1" },
        { "#ci_id: 5", "ci_id", "5" }, { "#ci_source: SCCM", "ci_source", "SCCM" }, { "#ci_sourceid: A/77", "ci_sourceID", "A/77" },
        { "#completion_reason: workaround", "completion_reason", "workaround" },
        { "#desired_completion_at: 2026-12-01T10:00:00Z", "desired_completion_at", "2026-12-01T10:00:00Z" },
        { "#downtime_end_at: 2026-12-01 11:00", "downtime_end_at", "2026-12-01 11:00" },
        { "#downtime_start_at: 2026-12-01 10:00", "downtime_start_at", "2026-12-01 10:00" },
        { "#impact: HIGH", "impact", "high" }, { "#internal", "internal", null }, { "#member: ann@helpdesk.test", "member", "ann@helpdesk.test" },
        { "#member_id: 3", "member_id", "3" }, { "#problem_id: 9", "problem_id", "9" }, { "#requested_for: bob@x.test", "requested_for", "bob@x.test" },
        { "#requested_for_id: 4", "requested_for_id", "4" }, { "#service_instance: Website", "service_instance", "Website" },
        { "#service_instance_id: 8", "service_instance_id", "8" }, { "#source: nagios/prod", "source", "nagios/prod" },
        { "#source_id: evt-1", "source_id", "evt-1" }, { "#status: in_progress", "status", "in_progress" },
        { "#supplier: Acme", "supplier", "Acme" }, { "#supplier_id: 2", "supplier_id", "2" },
        { "#supplier_requestid: SR-1", "supplier_requestID", "SR-1" }, { "#team: Network", "team", "Network" },
        { "#team_id: 6", "team_id", "6" }, { "#template_id: 10", "template_id", "10" },
        { "#waiting_until: 2026-12-24 08:00+01:00", "waiting_until", "2026-12-24 08:00+01:00" }, { "#markdown", "markdown", null },
    };

    [Theory]
    [MemberData(nameof(EveryParameter))]
    public void Parse_EachParameter_ReadsCanonicalNameAndValue(string line, string name, string? value)
    {
        var result = MailParameterParser.Parse(line + "\n\nBody text");

        var parameter = Assert.Single(result.Parameters);
        Assert.Equal((name, value), (parameter.Name, parameter.Value));
        Assert.Empty(result.Problems);
        Assert.Equal("Body text", result.Body);
    }

    [Theory]
    [InlineData("#rfc", "category", "rfc")]
    [InlineData("#incident", "category", "incident")]
    [InlineData("#high", "impact", "high")]
    [InlineData("#top", "impact", "top")]
    [InlineData("#completed", "status", "completed")]
    [InlineData("#waiting_for_customer", "status", "waiting_for_customer")]
    [InlineData("#workaround", "completion_reason", "workaround")]
    [InlineData("#declined", "status", "declined")]
    public void Parse_Shortcut_StandsForItsParameter(string line, string name, string value)
    {
        var parameter = Assert.Single(MailParameterParser.Parse(line).Parameters);

        Assert.Equal((name, value), (parameter.Name, parameter.Value));
    }

    [Fact]
    public void Parse_SeveralPerLineAfterBlankLines_ReadsAllAndStopsAtText()
    {
        var result = MailParameterParser.Parse("\n\n#incident #high\n#team: Network #source: nagios\nHTTP down\n#not: a parameter");

        Assert.Equal(["category", "impact", "team", "source"], result.Parameters.Select(p => p.Name));
        Assert.Equal("Network", result.Get("team")!.Value);
        Assert.Equal("HTTP down\n#not: a parameter", result.Body);
    }

    [Theory]
    [InlineData("#team_id: abc", "not an id")]
    [InlineData("#member_id: -3", "not an id")]
    [InlineData("#waiting_until: next tuesday", "not a date and time")]
    [InlineData("#impact: huge", "not one of low, medium, high, top")]
    [InlineData("#colour: red", "not a known parameter")]
    [InlineData("#hurry", "not a known parameter or shortcut")]
    public void Parse_BadValue_ReportsProblemAndIgnoresIt(string line, string message)
    {
        var result = MailParameterParser.Parse(line + "\nbody");

        Assert.Empty(result.Parameters);
        Assert.Contains(message, Assert.Single(result.Problems).Message);
        Assert.Equal(1, result.Problems[0].Line);
    }

    [Fact]
    public void Parse_ThisAccountsPrefix_IsSeparatedExceptInFreeText()
    {
        var result = MailParameterParser.Parse("#ci: support/CORE-SW-1\n#source: support/eu", accountId: "support");

        Assert.Equal(("support", "CORE-SW-1"), (result.Get("ci")!.Account, result.Get("ci")!.Value));
        Assert.Equal((null, "support/eu"), (result.Get("source")!.Account, result.Get("source")!.Value));
    }

    [Theory]
    [InlineData("support")]
    [InlineData(null)]
    public void Parse_SlashThatIsNotThisAccountsPrefix_StaysInTheValue(string? accountId)
    {
        var result = MailParameterParser.Parse("#team: ops/network\n#ci: other_account/CORE-SW-1", accountId);

        Assert.Equal((null, "ops/network"), (result.Get("team")!.Account, result.Get("team")!.Value));
        Assert.Equal("other_account/CORE-SW-1", result.Get("ci")!.Value);
    }

    [Fact]
    public void Parse_MarkdownHeadingRightAfterTheParameters_IsTheStartOfTheBody()
    {
        var result = MailParameterParser.Parse("#markdown #high\n# Outage report\nAll **down**.");

        Assert.Equal(["markdown", "impact"], result.Parameters.Select(p => p.Name));
        Assert.Empty(result.Problems);
        Assert.Equal("# Outage report\nAll **down**.", result.Body);
    }

    [Fact]
    public void Parse_UnknownNameAfterParameterLines_EndsTheParametersAndStaysInTheBodyWithAProblem()
    {
        var result = MailParameterParser.Parse("#high\n#hurry please\n#team: Network");

        Assert.Equal(["impact"], result.Parameters.Select(p => p.Name));
        Assert.Equal("#hurry please\n#team: Network", result.Body);
        Assert.Contains("parameters end here", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Parse_TextAfterAShortcutOnTheSameLine_AppliesTheShortcutAndKeepsTheTextAsBody()
    {
        var result = MailParameterParser.Parse("#incident #high Server down #now\nSince 10:00.");

        Assert.Equal([("category", "incident"), ("impact", "high")], result.Parameters.Select(p => (p.Name, p.Value!)));
        Assert.Equal("Server down #now\nSince 10:00.", result.Body);
        Assert.Contains("(\"Server down #now\") starts the body", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Parse_NoParameters_BodyIsTheWholeTextAndOriginalIsKept()
    {
        var result = MailParameterParser.Parse("Hello\n#team: not at the start");

        Assert.Empty(result.Parameters);
        Assert.Equal("Hello\n#team: not at the start", result.Body);
        Assert.Equal(result.Body, result.OriginalBody);
    }

    [Theory]
    [InlineData("2026-12-01T10:00:00Z", "2026-12-01T10:00:00")]
    [InlineData("2026-12-01 10:00+02:00", "2026-12-01T08:00:00")]
    [InlineData("2026-12-01 10:00", "2026-12-01T10:00:00")]
    public void ParseDateTime_KnownFormats_ReturnsUtc(string text, string expectedUtc)
    {
        var parsed = MailParameterParser.ParseDateTime(text);

        Assert.Equal(DateTime.Parse(expectedUtc), parsed);
        Assert.Equal(DateTimeKind.Utc, parsed!.Value.Kind);
    }
}
