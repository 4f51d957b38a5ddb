using Actors.Api.Demo;
using Actors.Api.Funds;
using Actors.Contracts.Errors;
using Actors.Contracts.Funds;
using Actors.Contracts.Identity;
using GraphQL;

namespace Actors.Tests.Funds;

[Collection(FundClusterCollection.Name)]
public sealed class MunicipalityImportTests(FundClusterFixture fixture)
{
    [Fact]
    public async Task An_import_applies_good_rows_reports_bad_ones_by_line_and_is_idempotent_by_code()
    {
        var a = Code();
        var b = Code();
        var csv = $""""
            code,nameAr,nameFr,governorate,isNew
            {a},بلدية أ,Commune A,KASSERINE,true
            {b},"بلدية ب","Commune B, la ""nouvelle""",TN-43,false

            {a},بلدية أ,Commune A bis,KASSERINE,true
            BAD CODE,بلدية,Commune,TUNIS,false
            X-{b},Latin only,Commune,TUNIS,false
            Y-{b},بلدية,Commune,ATLANTIS,false
            Z-{b},بلدية,Commune,TUNIS,maybe
            W-{b},بلدية,Commune,TUNIS
            """";

        var (rows, unreadable) = MunicipalityCsv.Parse(csv);
        var result = await fixture.Registry.Import(new Actor("fm-import", ActorRole.FundManager), rows, "tests");
        var rejected = unreadable.Concat(result.Rejected).OrderBy(r => r.Line).ToList();

        Assert.Equal((2, 0, 0), (result.Created, result.Updated, result.Unchanged));
        Assert.Equal([5, 6, 7, 8, 9, 10], rejected.Select(r => r.Line));
        Assert.Contains("line 2", rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("code", rejected[1].Reason, StringComparison.Ordinal);
        Assert.Contains("Arabic", rejected[2].Reason, StringComparison.Ordinal);
        Assert.Contains("ATLANTIS", rejected[3].Reason, StringComparison.Ordinal);
        Assert.Contains("isNew", rejected[4].Reason, StringComparison.Ordinal);
        Assert.Contains("fields", rejected[5].Reason, StringComparison.Ordinal);

        var second = (await fixture.Registry.Find(b))!;
        Assert.Equal(("Commune B, la \"nouvelle\"", "SIDI_BOUZID", false), (second.NameFr, second.Governorate, second.IsNew));

        // The same file again changes nothing; a corrected row updates by code.
        var again = await fixture.Registry.Import(new Actor("fm-import", ActorRole.FundManager), rows, "tests");
        Assert.Equal((0, 0, 2), (again.Created, again.Updated, again.Unchanged));
        var (fixedRows, _) = MunicipalityCsv.Parse($"code;nameAr;nameFr;governorate;isNew\n{b};بلدية ب;Commune B;SIDI_BOUZID;true\n");
        var corrected = await fixture.Registry.Import(new Actor("op-1", ActorRole.Operator), fixedRows, "tests");
        Assert.Equal((0, 1, 0), (corrected.Created, corrected.Updated, corrected.Unchanged));
        Assert.True((await fixture.Registry.Find(b))!.IsNew);
    }

    [Fact]
    public async Task Only_fund_managers_and_operators_import()
    {
        var row = new MunicipalityImportRow(2, Code(), "بلدية", "Commune", "TUNIS", false, false);
        await FundRefusal.Expect(ErrorCodes.NotAllowed, () => fixture.Registry.Import(new Actor("a-1", ActorRole.Analyst), [row], "tests"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("code,nameAr,nameFr,governorate\nA1,ب,B,TUNIS")]
    [InlineData("code,nameAr,nameFr,governorate,isNew,population\nA1,ب,B,TUNIS,true,1")]
    [InlineData("code,code,nameAr,nameFr,governorate,isNew\n")]
    public void A_file_without_a_proper_header_is_bad_input(string csv)
    {
        var error = Assert.Throws<ExecutionError>(() => MunicipalityCsv.Parse(csv));
        Assert.Equal(ErrorCodes.BadUserInput, error.Code);
    }

    [Fact]
    public void Quoted_fields_may_span_lines_and_lines_are_counted_in_the_file()
    {
        var (rows, rejected) = MunicipalityCsv.Parse("\uFEFFisNew,governorate,nameFr,nameAr,code\r\ntrue,GAFSA,\"Commune\r\nsur deux lignes\",بلدية,q-1\r\nno,GAFSA,\"jamais fermé,بلدية,Q-2\r\n");

        var row = Assert.Single(rows);
        Assert.Equal((2, "Q-1", "Commune sur deux lignes", true), (row.Line, row.Code, row.NameFr, row.IsNew));
        var bad = Assert.Single(rejected);
        Assert.Equal(4, bad.Line);
    }

    [Fact]
    public void The_demo_set_is_marked_as_demo_and_counts_78_new_municipalities()
    {
        var (rows, rejected) = MunicipalityCsv.Parse(DemoMunicipalities.Csv());

        Assert.Empty(rejected);
        Assert.Equal(150, rows.Count);
        Assert.Equal(78, rows.Count(r => r.IsNew));
        Assert.All(rows, r =>
        {
            Assert.True(r.IsDemo);
            Assert.StartsWith("DEMO-", r.Code, StringComparison.Ordinal);
            Assert.EndsWith("(démo)", r.NameFr, StringComparison.Ordinal);
        });
        Assert.Equal(24, rows.Select(r => r.Governorate).Distinct().Count());
    }

    private static string Code() => "M-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
}
