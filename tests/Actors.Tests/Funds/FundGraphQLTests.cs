using System.Text.Json.Nodes;
using Actors.Contracts.Funds;
using Actors.Contracts.Identity;
using Actors.Grains.Funds;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Funds;

/// <summary>The fund through GraphQL over real HTTP, with dev tokens for each role.</summary>
[Collection(FundApiCollection.Name)]
public sealed class FundGraphQLTests(FundApiFactory api)
{
    private static int _lastYear = 2059;

    private const string AllocationFields = "id status amount { millimes dinars } disbursed { millimes } undisbursed { millimes } proposedBy "
                                            + "history { action status actor reason amount { millimes } } availableActions";

    private const string Allocate = $$"""
        mutation($input: AllocateFundsInput!) {
          allocateFunds(input: $input) {
            allocation { {{AllocationFields}} fund { reserved { millimes } } }
            errors { __typename ... on Error { code message } }
          }
        }
        """;

    [Fact]
    public async Task The_2026_fund_shows_its_seeded_appropriations_to_the_millime()
    {
        var result = await api.GraphQL("""
            { fund(year: 2026) {
                id year
                appropriation { millimes dinars currency } programmed { millimes dinars } unprogrammed { millimes dinars }
                reserved { millimes } allocated { millimes } available { millimes }
                programmes { code name nameAr nameFr appropriation { millimes dinars } }
                byGovernorate { governorate { code } allocationCount }
            } }
            """, token: await api.Token("ANALYST", "analyst-1"));

        var fund = Data(result)["fund"]!;
        Assert.Equal(2026, fund["year"]!.GetValue<int>());
        Assert.Equal(138_200_000_000, fund["appropriation"]!["millimes"]!.GetValue<long>());
        Assert.Equal("138200000.000", fund["appropriation"]!["dinars"]!.GetValue<string>());
        Assert.Equal("TND", fund["appropriation"]!["currency"]!.GetValue<string>());
        Assert.Equal(128_200_000_000, fund["programmed"]!["millimes"]!.GetValue<long>());
        Assert.Equal("128200000.000", fund["programmed"]!["dinars"]!.GetValue<string>());
        Assert.Equal(10_000_000_000, fund["unprogrammed"]!["millimes"]!.GetValue<long>());
        Assert.Equal("10000000.000", fund["unprogrammed"]!["dinars"]!.GetValue<string>());
        Assert.Equal(128_200_000_000, Millimes(fund, "reserved") + Millimes(fund, "allocated") + Millimes(fund, "available"));

        var programmes = fund["programmes"]!.AsArray();
        Assert.Equal(["ROADS", "NEW_MUNICIPALITIES", "MARKETS", "DUMPS", "NEIGHBOURHOODS", "GREEN_SPACES", "WASTE_SYSTEM"],
            programmes.Select(p => p!["code"]!.GetValue<string>()));
        Assert.Equal(["75000000.000", "20000000.000", "10000000.000", "10000000.000", "7000000.000", "5000000.000", "1200000.000"],
            programmes.Select(p => p!["appropriation"]!["dinars"]!.GetValue<string>()));
        Assert.Equal("Modernisation des routes municipales", programmes[0]!["name"]!.GetValue<string>());
        Assert.Equal(24, fund["byGovernorate"]!.AsArray().Count);

        var arabic = await api.GraphQL("{ fund(year: 2026) { programmes { name nameAr } } }", token: await api.Token("ANALYST", "analyst-1"), language: "ar-TN");
        var first = Data(arabic)["fund"]!["programmes"]![0]!;
        Assert.Equal(first["nameAr"]!.GetValue<string>(), first["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_allocation_goes_through_its_lifecycle_with_segregation_of_duties_and_idempotent_retries()
    {
        var fm1 = await api.Token("FUND_MANAGER", "fm-http-1");
        var fm2 = await api.Token("FUND_MANAGER", "fm-http-2");
        var code = await ImportMunicipality(fm1, isNew: true, governorate: "SIDI_BOUZID");
        var input = new { year = 2026, programme = "NEW_MUNICIPALITIES", municipalityCode = code.ToLowerInvariant(), amountDinars = "125000.250", reason = "Aide de démarrage", idempotencyKey = "http-1" };

        var proposed = Payload(await api.GraphQL(Allocate, new { input }, fm1), "allocateFunds")["allocation"]!;
        var retried = Payload(await api.GraphQL(Allocate, new { input }, fm1), "allocateFunds")["allocation"]!;
        Assert.Equal(proposed["id"]!.GetValue<string>(), retried["id"]!.GetValue<string>());
        Assert.Equal(("PROPOSED", 125_000_250L, "125000.250"), (proposed["status"]!.GetValue<string>(), proposed["amount"]!["millimes"]!.GetValue<long>(), proposed["amount"]!["dinars"]!.GetValue<string>()));
        Assert.Equal("FUND_MANAGER:fm-http-1", proposed["proposedBy"]!.GetValue<string>());
        var reused = PayloadError(await api.GraphQL(Allocate, new { input = input with { amountDinars = "1" } }, fm1), "allocateFunds");
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", reused);

        var id = proposed["id"]!.GetValue<string>();
        Assert.Equal("SEGREGATION_OF_DUTIES", PayloadError(await Step("approveAllocation", id, fm1), "approveAllocation"));
        Assert.Equal("APPROVED", Payload(await Step("approveAllocation", id, fm2, "Conforme"), "approveAllocation")["allocation"]!["status"]!.GetValue<string>());
        Assert.Equal("COMMITTED", Payload(await Step("commitAllocation", id, fm2), "commitAllocation")["allocation"]!["status"]!.GetValue<string>());
        Assert.Equal("INVALID_TRANSITION", PayloadError(await Step("closeAllocation", id, fm2), "closeAllocation"));

        const string disburse = $$"""
            mutation($input: DisburseAllocationInput!) {
              disburseAllocation(input: $input) { allocation { {{AllocationFields}} } errors { __typename ... on Error { code } } }
            }
            """;
        var tranche = new { allocationId = id, amountMillimes = 100_000_000L, reason = "OP 2026/17", idempotencyKey = "tranche-1" };
        var partly = Payload(await api.GraphQL(disburse, new { input = tranche }, fm1), "disburseAllocation")["allocation"]!;
        var again = Payload(await api.GraphQL(disburse, new { input = tranche }, fm1), "disburseAllocation")["allocation"]!;
        Assert.Equal(("PARTIALLY_DISBURSED", 100_000_000L), (partly["status"]!.GetValue<string>(), partly["disbursed"]!["millimes"]!.GetValue<long>()));
        Assert.Equal(100_000_000L, again["disbursed"]!["millimes"]!.GetValue<long>());
        Assert.Equal("DISBURSEMENT_EXCEEDS_ALLOCATION",
            PayloadError(await api.GraphQL(disburse, new { input = new { allocationId = id, amountDinars = "25000.251" } }, fm1), "disburseAllocation"));
        var done = Payload(await api.GraphQL(disburse, new { input = new { allocationId = id, amountDinars = "25000.25" } }, fm1), "disburseAllocation")["allocation"]!;
        Assert.Equal(("DISBURSED", 0L), (done["status"]!.GetValue<string>(), done["undisbursed"]!["millimes"]!.GetValue<long>()));
        var closed = Payload(await Step("closeAllocation", id, fm2, "Soldé"), "closeAllocation")["allocation"]!;
        Assert.Equal("CLOSED", closed["status"]!.GetValue<string>());
        Assert.Equal(["PROPOSE", "APPROVE", "COMMIT", "DISBURSE", "DISBURSE", "CLOSE"], closed["history"]!.AsArray().Select(h => h!["action"]!.GetValue<string>()));
        Assert.Empty(closed["availableActions"]!.AsArray());

        // Listed by the read model with its filters, and reachable by node(id:) for an analyst.
        var analyst = await api.Token("ANALYST", "analyst-2");
        var listed = Data(await api.GraphQL("""
            query($codes: [String!]) { fund(year: 2026) { allocations(where: { municipalityCodes: $codes, statuses: [CLOSED], governorates: [SIDI_BOUZID] }) {
              totalCount asOf nodes { id status municipality { code isNew } governorate { code } programme { code } } } } }
            """, new { codes = new[] { code } }, analyst))["fund"]!["allocations"]!;
        Assert.Equal(1, listed["totalCount"]!.GetValue<int>());
        Assert.Equal(id, listed["nodes"]![0]!["id"]!.GetValue<string>());
        Assert.True(listed["nodes"]![0]!["municipality"]!["isNew"]!.GetValue<bool>());
        var node = Data(await api.GraphQL("query($id: ID!) { node(id: $id) { ... on Allocation { status disbursed { dinars } } } }", new { id }, analyst))["node"]!;
        Assert.Equal(("CLOSED", "125000.250"), (node["status"]!.GetValue<string>(), node["disbursed"]!["dinars"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Roles_decide_who_reads_and_who_changes_the_fund()
    {
        var query = "{ fund(year: 2026) { year } }";
        Assert.Equal("UNAUTHENTICATED", ErrorCode(await api.GraphQL(query)));
        Assert.Equal("FORBIDDEN", ErrorCode(await api.GraphQL(query, token: await api.Token("CITIZEN", "citizen-1"))));
        foreach (var role in new[] { "ANALYST", "OPERATOR", "FUND_MANAGER" })
        {
            Assert.Equal(2026, Data(await api.GraphQL(query, token: await api.Token(role, $"{role}-reader")))["fund"]!["year"]!.GetValue<int>());
        }

        var input = new { year = 2026, programme = "ROADS", municipalityCode = "DEMO-TN11-001", amountMillimes = 1_000L };
        Assert.Equal("FORBIDDEN", ErrorCode(await api.GraphQL(Allocate, new { input }, await api.Token("ANALYST", "analyst-3"))));
        Assert.Equal("FORBIDDEN", ErrorCode(await api.GraphQL(Allocate, new { input }, await api.Token("OPERATOR", "operator-3"))));
        Assert.Equal("FORBIDDEN", ErrorCode(await api.GraphQL("{ municipalities(first: 1) { totalCount } }", token: await api.Token("CITIZEN", "citizen-2"))));
    }

    [Fact]
    public async Task Bad_inputs_are_bad_user_input_and_domain_refusals_are_typed_payload_errors()
    {
        var fm = await api.Token("FUND_MANAGER", "fm-http-bad");
        object Input(object amount, string programme = "ROADS", string municipality = "DEMO-TN11-001", int year = 2026) => amount switch
        {
            long millimes => new { year, programme, municipalityCode = municipality, amountMillimes = millimes },
            string dinars => new { year, programme, municipalityCode = municipality, amountDinars = dinars },
            _ => new { year, programme, municipalityCode = municipality, amountMillimes = 1L, amountDinars = "1" },
        };

        foreach (var bad in new object[] { 0L, -5L, "0", "-1", "1.0005", "12,5", true })
        {
            Assert.Equal("BAD_USER_INPUT", ErrorCode(await api.GraphQL(Allocate, new { input = Input(bad) }, fm)));
        }

        Assert.Equal("BAD_USER_INPUT", ErrorCode(await api.GraphQL(Allocate, new { input = Input(1L, programme: "BRIDGES") }, fm)));
        Assert.Equal("BAD_USER_INPUT", ErrorCode(await api.GraphQL(Allocate, new { input = new { year = 2026, programme = "ROADS", municipalityCode = "DEMO-TN11-001", amountMillimes = 1.5 } }, fm)));
        Assert.Equal("MUNICIPALITY_NOT_FOUND", PayloadError(await api.GraphQL(Allocate, new { input = Input(1L, municipality: "NOWHERE") }, fm), "allocateFunds"));
        Assert.Equal("NOT_A_NEW_MUNICIPALITY", PayloadError(await api.GraphQL(Allocate, new { input = Input(1L, programme: "NEW_MUNICIPALITIES") }, fm), "allocateFunds"));
        Assert.Equal("APPROPRIATION_EXCEEDED", PayloadError(await api.GraphQL(Allocate, new { input = Input("1200000.001", programme: "WASTE_SYSTEM") }, fm), "allocateFunds"));
        Assert.Equal("FUND_NOT_FOUND", PayloadError(await api.GraphQL(Allocate, new { input = Input(1L, year: 2025) }, fm), "allocateFunds"));

        var missing = await api.GraphQL("{ fund(year: 2025) { year } }", token: fm);
        Assert.Equal("NOT_FOUND", ErrorCode(missing));
        Assert.Null(missing["data"]!["fund"]);
        Assert.Equal("BAD_USER_INPUT", ErrorCode(await api.GraphQL("{ fund(year: 2026) { allocations(first: 51) { totalCount } } }", token: fm)));
        Assert.Equal("BAD_USER_INPUT", ErrorCode(await api.GraphQL(
            "mutation { approveAllocation(input: { allocationId: \"not-an-id\" }) { errors { __typename } } }", token: fm)));
    }

    [Fact]
    public async Task Municipalities_are_imported_from_csv_with_bad_rows_reported_by_line()
    {
        var operatorToken = await api.Token("OPERATOR", "operator-import");
        var code = "H-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var csv = $"code,nameAr,nameFr,governorate,isNew\n{code},بلدية الاختبار,Commune test,BEJA,true\n{code}-2,بلدية,Commune,NOWHERE,false\n{code}-3,بلدية,Commune,BEJA,perhaps\n";
        const string import = """
            mutation($input: ImportMunicipalitiesInput!) { importMunicipalities(input: $input) {
              result { created updated unchanged municipalityCount rejected { line code reason } } errors { __typename } } }
            """;

        var result = Payload(await api.GraphQL(import, new { input = new { csv } }, operatorToken), "importMunicipalities")["result"]!;
        Assert.Equal((1, 0, 0), (result["created"]!.GetValue<int>(), result["updated"]!.GetValue<int>(), result["unchanged"]!.GetValue<int>()));
        Assert.Equal([3, 4], result["rejected"]!.AsArray().Select(r => r!["line"]!.GetValue<int>()));
        Assert.Equal($"{code}-2", result["rejected"]![0]!["code"]!.GetValue<string>());

        var again = Payload(await api.GraphQL(import, new { input = new { csv } }, operatorToken), "importMunicipalities")["result"]!;
        Assert.Equal((0, 1), (again["created"]!.GetValue<int>(), again["unchanged"]!.GetValue<int>()));
        Assert.Equal("BAD_USER_INPUT", ErrorCode(await api.GraphQL(import, new { input = new { csv = "name\nx" } }, operatorToken)));
        Assert.Equal("FORBIDDEN", ErrorCode(await api.GraphQL(import, new { input = new { csv } }, await api.Token("ANALYST", "analyst-import"))));

        var found = Data(await api.GraphQL("query($c: [String!]) { municipalities(where: { codes: $c, isNew: true }) { totalCount nodes { code name governorate { code } isDemo } } }",
            new { c = new[] { code } }, operatorToken))["municipalities"]!;
        Assert.Equal(1, found["totalCount"]!.GetValue<int>());
        Assert.Equal(("BEJA", false), (found["nodes"]![0]!["governorate"]!["code"]!.GetValue<string>(), found["nodes"]![0]!["isDemo"]!.GetValue<bool>()));
        var demo = Data(await api.GraphQL("{ municipalities(where: { isNew: true, isDemo: true }) { totalCount } }", token: operatorToken))["municipalities"]!;
        Assert.Equal(78, demo["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_amendment_programmes_unprogrammed_money_once_a_second_fund_manager_approves()
    {
        var year = await OpenYear();
        var fm1 = await api.Token("FUND_MANAGER", "fm-amend-http-1");
        var fm2 = await api.Token("FUND_MANAGER", "fm-amend-http-2");
        const string propose = """
            mutation($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) {
              amendment { id status fromProgramme toProgramme amount { millimes } } errors { __typename ... on Error { code } } } }
            """;
        const string approve = """
            mutation($input: ApproveAmendmentInput!) { approveAmendment(input: $input) { amendment { status decidedBy } errors { __typename ... on Error { code } } } }
            """;

        Assert.Equal("UNPROGRAMMED_EXCEEDED", PayloadError(await api.GraphQL(propose,
            new { input = new { year, toProgramme = "GREEN_SPACES", amountDinars = "10000000.001", reason = "Trop" } }, fm1), "proposeAmendment"));
        var amendment = Payload(await api.GraphQL(propose,
            new { input = new { year, toProgramme = "GREEN_SPACES", amountDinars = "2500000", reason = "Plan espaces verts" } }, fm1), "proposeAmendment")["amendment"]!;
        Assert.Null(amendment["fromProgramme"]);
        Assert.Equal("GREEN_SPACES", amendment["toProgramme"]!.GetValue<string>());

        var id = amendment["id"]!.GetValue<string>();
        Assert.Equal("SEGREGATION_OF_DUTIES", PayloadError(await api.GraphQL(approve, new { input = new { amendmentId = id } }, fm1), "approveAmendment"));
        var approved = Payload(await api.GraphQL(approve, new { input = new { amendmentId = id } }, fm2), "approveAmendment")["amendment"]!;
        Assert.Equal(("APPROVED", "FUND_MANAGER:fm-amend-http-2"), (approved["status"]!.GetValue<string>(), approved["decidedBy"]!.GetValue<string>()));

        var fund = Data(await api.GraphQL("query($y: Int!) { fund(year: $y) { appropriation { millimes } programmed { millimes } unprogrammed { millimes } "
                                          + "programme(code: GREEN_SPACES) { initialAppropriation { millimes } appropriation { millimes } } amendments(status: APPROVED) { id } } }",
            new { y = year }, fm1))["fund"]!;
        Assert.Equal(138_200_000_000, Millimes(fund, "appropriation"));
        Assert.Equal(130_700_000_000, Millimes(fund, "programmed"));
        Assert.Equal(7_500_000_000, Millimes(fund, "unprogrammed"));
        Assert.Equal(7_500_000_000, fund["programme"]!["appropriation"]!["millimes"]!.GetValue<long>());
        Assert.Equal(id, fund["amendments"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Parallel_allocate_funds_requests_over_http_never_overdraw_a_programme()
    {
        var year = await OpenYear(new FundSetup(1_000_000, [new FundProgrammeLine(FundProgrammeCode.Markets, "أسواق", "Marchés", 100_000, 100_000)], "tests"));
        var fm = await api.Token("FUND_MANAGER", "fm-http-race");
        var code = await ImportMunicipality(fm, isNew: false, governorate: "MAHDIA");

        var results = await Task.WhenAll(Enumerable.Range(0, 120).Select(i =>
            api.GraphQL(Allocate, new { input = new { year, programme = "MARKETS", municipalityCode = code, amountMillimes = 3_000L, idempotencyKey = $"race-{i}" } }, fm)));
        var accepted = results.Select(r => r["data"]!["allocateFunds"]!).Where(p => p["allocation"] is JsonObject).ToList();
        var refused = results.Select(r => r["data"]!["allocateFunds"]!).Where(p => p["errors"] is JsonArray).ToList();

        Assert.Equal(33, accepted.Count);
        Assert.Equal(120 - 33, refused.Count);
        Assert.All(refused, p => Assert.Equal("APPROPRIATION_EXCEEDED", p["errors"]![0]!["code"]!.GetValue<string>()));
        var fund = Data(await api.GraphQL("query($y: Int!) { fund(year: $y) { reserved { millimes } available { millimes } allocations(first: 50) { totalCount } } }",
            new { y = year }, fm))["fund"]!;
        Assert.Equal((99_000L, 1_000L), (Millimes(fund, "reserved"), Millimes(fund, "available")));
        Assert.Equal(33, fund["allocations"]!["totalCount"]!.GetValue<int>());
    }

    private Task<JsonNode> Step(string mutation, string allocationId, string token, string? reason = null)
    {
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        return api.GraphQL($$"""
            mutation($input: {{inputType}}!) { {{mutation}}(input: $input) { allocation { {{AllocationFields}} } errors { __typename ... on Error { code } } } }
            """, new { input = new { allocationId, reason } }, token);
    }

    private async Task<string> ImportMunicipality(string token, bool isNew, string governorate)
    {
        var code = "H-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var csv = $"code,nameAr,nameFr,governorate,isNew\n{code},بلدية الاختبار,Commune de test,{governorate},{(isNew ? "true" : "false")}\n";
        var result = Payload(await api.GraphQL("mutation($csv: String!) { importMunicipalities(input: { csv: $csv }) { result { created rejected { line } } errors { __typename } } }",
            new { csv }, token), "importMunicipalities")["result"]!;
        Assert.Equal(1, result["created"]!.GetValue<int>());
        return code;
    }

    private async Task<int> OpenYear(FundSetup? setup = null)
    {
        var year = Interlocked.Increment(ref _lastYear);
        await api.Services.GetRequiredService<IGrainFactory>().GetGrain<IFundGrain>(year).Open(Actor.System("tests"), setup ?? FundSeeds.Setup2026);
        return year;
    }

    private static long Millimes(JsonNode node, string field) => node[field]!["millimes"]!.GetValue<long>();

    private static JsonNode Data(JsonNode result)
    {
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!;
    }

    private static JsonNode Payload(JsonNode result, string mutation)
    {
        var payload = Data(result)[mutation]!;
        Assert.True(payload["errors"] is null, payload.ToJsonString());
        return payload;
    }

    private static string PayloadError(JsonNode result, string mutation)
    {
        var payload = Data(result)[mutation]!;
        Assert.Null(payload.AsObject().FirstOrDefault(p => p.Key != "errors").Value);
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        return error["code"]!.GetValue<string>();
    }

    private static string ErrorCode(JsonNode result)
    {
        Assert.True(result["errors"] is JsonArray { Count: > 0 }, result.ToJsonString());
        return result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();
    }
}
