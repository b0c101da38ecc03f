using Portal.Audit;
using Portal.Contracts.Audit;

namespace Portal.Tests.Unit.Audit;

public sealed class AuditCsvTests
{
    private static AuditEntryDto Entry(string? changes, string objectName = "team/churn") => new(7, new DateTimeOffset(2026, 12, 1, 2, 3, 4, TimeSpan.Zero),
        "alice@example.com", "nightly", "api", "127.0.0.1", "export.update", "export", "3", objectName, changes);

    [Fact]
    public void A_line_quotes_commas_quotes_and_line_breaks()
    {
        var line = AuditCsv.Line(Entry("Name: \"a\" → \"b\"; Schedule: \"0 1 * * *\" → \"0,30 * * * *\"\nmore"));

        Assert.Equal("7,2026-12-01T02:03:04Z,alice@example.com,nightly,api,127.0.0.1,export.update,export,3,team/churn," +
                     "\"Name: \"\"a\"\" → \"\"b\"\"; Schedule: \"\"0 1 * * *\"\" → \"\"0,30 * * * *\"\"\nmore\"\r\n", line);
    }

    [Fact]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_defused()
    {
        var line = AuditCsv.Line(Entry(null, objectName: "=HYPERLINK(\"http://evil\")"));

        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",", line, StringComparison.Ordinal);
        Assert.EndsWith(",\r\n", line, StringComparison.Ordinal);
    }
}
