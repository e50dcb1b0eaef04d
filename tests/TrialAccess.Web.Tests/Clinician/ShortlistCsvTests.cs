using System.Text;
using TrialAccess.Trials;
using TrialAccess.Web.Clinician;

namespace TrialAccess.Web.Tests.Clinician;

public class ShortlistCsvTests
{
    private static ShortlistEntry Entry(string title, IReadOnlyList<string>? notMet = null) => new(
        1, NctId.Parse("NCT99000001"), title, "Possibly eligible", "RECRUITING", "Dana-Farber, Boston, MA, United States", 3.24,
        notMet ?? [], ["No prior radiotherapy (inclusion met (not recorded, presumed absent: confirm))"], ["ECOG 0-1"], ["What is the patient's ECOG performance status?"]);

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-1 prior line", "'-1 prior line")]
    [InlineData("", "")]
    public void Field_QuotesAndDefusesAsNeeded(string value, string written) => ShortlistCsv.Field(value).Should().Be(written);

    [Fact]
    public void Write_OneTrial_GivesTheHeaderAndOneRowWithListsOnePerLine()
    {
        var shortlist = new Shortlist(new DateOnly(2025, 3, 1), "Boston", [Entry("EGFR, \"TKI\" study", ["Inclusion: ANC >= 1.5", "Exclusion: brain mets"])]);

        var csv = ShortlistCsv.Write(shortlist);

        csv.Should().Be(
            "rank,nct_id,title,verdict,status,nearest_recruiting_site,distance_km,criteria_not_met,criteria_presumed,criteria_unknown,what_to_ask\r\n" +
            "1,NCT99000001,\"EGFR, \"\"TKI\"\" study\",Possibly eligible,RECRUITING,\"Dana-Farber, Boston, MA, United States\",3.2," +
            "\"Inclusion: ANC >= 1.5\nExclusion: brain mets\",\"No prior radiotherapy (inclusion met (not recorded, presumed absent: confirm))\",ECOG 0-1,What is the patient's ECOG performance status?\r\n");
    }

    [Fact]
    public void Bytes_StartWithTheUtf8ByteOrderMark()
    {
        var bytes = ShortlistCsv.Bytes(new Shortlist(new DateOnly(2025, 3, 1), null, [Entry("Étude")]));

        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Should().Contain("Étude");
    }
}
