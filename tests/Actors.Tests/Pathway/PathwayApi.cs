using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Actors.Tests.Infrastructure;
using Actors.Tests.Payments;
using Actors.Tests.Postgres;

namespace Actors.Tests.Pathway;

/// <summary>What a frontend does in these tests, over GraphQL and the sandbox gateway's page: submit, read, wait, pay.</summary>
public sealed class PathwayApi(ApiFactory api)
{
    public const string Tunis = "TN11-GU1";         // demo one-stop shop: cards
    public const string TunisJudicial = "TN11-BJ1"; // demo judicial office: bulletins no. 3

    public const string RequestFields =
        "id reference kind status version documentCode pendingOn pendingSince correction { code field reason } "
        + "history { version status actor reason action } "
        + "payment { reference recordedBy } "
        + "payments { orderId status amount { millimes dinars currency } redirectUrl expiresAt declineCode startedBy events { kind status } } "
        + "exchanges(first: 50) { totalCount nodes { system purpose dataItems outcome detail triggeredBy } }";

    public ApiFactory Host => api;

    public static string NewSubject(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    public static string Key(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A 15-year-old pupil with a consenting guardian and the guardian's phone for notifications.</summary>
    public static object PupilInput(string key, string schoolCode = "LYC-0042", string birthPlace = "Tunis", string guardianCard = "04567812") => new
    {
        reason = "FIRST_ISSUE",
        centerId = GlobalIds.Center(Tunis),
        idempotencyKey = key,
        applicant = new
        {
            givenName = "Yasmine", familyName = "Trabelsi", birthPlace,
            birthDate = DateTime.UtcNow.AddYears(-15).AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        },
        pupil = new { schoolCode, schoolName = "Lycée pilote de Tunis", grade = "1ère année" },
        guardian = new { fullName = "Mohamed Trabelsi", nationalIdNumber = guardianCard, relationship = "father", consentGiven = true },
        contact = new { phone = "+21698123456", email = "parent@example.tn", preferredLanguage = "fr" },
    };

    public static object AdultCardInput(string key, string card) => new
    {
        reason = "RENEWAL",
        centerId = GlobalIds.Center(Tunis),
        idempotencyKey = key,
        applicant = new { givenName = "Amira", familyName = "Ben Salah", birthDate = "1995-02-03", birthPlace = "Sfax", nationalIdNumber = card },
        contact = new { phone = "+21655123456", preferredLanguage = "ar" },
    };

    public static object BulletinInput(string key, string card) => new
    {
        centerId = GlobalIds.Center(TunisJudicial),
        purpose = "Job application",
        idempotencyKey = key,
        applicant = new { givenName = "Youssef", familyName = "Haddad", birthDate = "1988-11-30", nationalIdNumber = card },
        contact = new { email = "youssef@example.tn", preferredLanguage = "fr" },
    };

    /// <summary>A mutation whose payload has a <c>request</c>; fails on any GraphQL or payload error.</summary>
    public async Task<JsonNode> Mutate(string mutation, string token, object input, string valueField = "request", string fields = RequestFields)
    {
        var result = await Payload(mutation, token, input, valueField, fields);
        Assert.True(result["errors"] is null, $"{mutation}: {result["errors"]?.ToJsonString()}");
        return result[valueField] ?? throw new Xunit.Sdk.XunitException($"{mutation}: no {valueField} and no errors.");
    }

    /// <summary>The payload as it comes, errors included (a GraphQL error fails the test).</summary>
    public async Task<JsonNode> Payload(string mutation, string token, object input, string valueField = "request", string fields = RequestFields)
    {
        var name = char.ToUpperInvariant(mutation[0]) + mutation[1..];
        var result = await api.GraphQL(
            $"mutation($in: {name}Input!) {{ {mutation}(input: $in) {{ {valueField} {{ {fields} }} errors {{ __typename ... on Error {{ code message }} }} }} }}",
            new { @in = input }, token);
        Assert.True(result["errors"] is null, $"{mutation}: {result["errors"]?.ToJsonString()}");
        return result["data"]![mutation]!;
    }

    public async Task<JsonNode> Read(string id, string token)
    {
        var result = await api.GraphQL($"query($id: ID!) {{ request(id: $id) {{ {RequestFields} }} }}", new { id }, token);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!["request"]!;
    }

    /// <summary>Reads until the request satisfies <paramref name="condition"/> (bounded; fails with the last read).</summary>
    public async Task<JsonNode> Until(string id, string token, Func<JsonNode, bool> condition, string what)
    {
        JsonNode? last = null;
        try
        {
            await Eventually.Async(async () => condition(last = await Read(id, token)), TimeSpan.FromSeconds(30), what);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException || last is not null)
        {
            throw new Xunit.Sdk.XunitException($"{what}; last read: {last?.ToJsonString()}", ex);
        }

        return last!;
    }

    public Task<JsonNode> UntilStatus(string id, string token, string status) =>
        Until(id, token, r => r["status"]!.GetValue<string>() == status, $"request reaches {status}");

    /// <summary>
    /// Waits until the first payment is refunded and the pathway's refund call is in the exchange log: the gateway's own
    /// refund webhook can mark the payment refunded a moment before the pathway commits its log entry of the call.
    /// </summary>
    public Task<JsonNode> UntilRefunded(string id, string token) =>
        Until(id, token,
            r => r["payments"]![0]!["status"]!.GetValue<string>() == "REFUNDED" && Exchanges(r).Contains(("PAYMENT_GATEWAY", "REFUNDED")),
            "the fee is refunded and the refund call logged");

    public Task<JsonNode> StartPayment(string id, string token, string key) =>
        Mutate("startPayment", token, new { requestId = id, idempotencyKey = key }, "payment",
            "orderId status amount { millimes dinars currency } redirectUrl expiresAt request { id status }");

    /// <summary>Pays on the sandbox gateway's hosted page as a browser's form post would; returns the page's HTTP status.</summary>
    public static async Task<HttpStatusCode> PayOnPage(string redirectUrl, string cardNumber)
    {
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await HostedPageClient.Show(client, redirectUrl)).Status);
        return (await HostedPageClient.PayWithCard(client, redirectUrl, cardNumber)).Status;
    }

    public static IReadOnlyList<(string Status, string Actor)> History(JsonNode request) =>
        request["history"]!.AsArray().Select(e => (e!["status"]!.GetValue<string>(), e["actor"]!.GetValue<string>())).ToList();

    public static IReadOnlyList<(string System, string Outcome)> Exchanges(JsonNode request) =>
        request["exchanges"]!["nodes"]!.AsArray()
            .Select(e => (e!["system"]!.GetValue<string>(), e["outcome"]!.GetValue<string>()))
            .Reverse() // newest first in the log; oldest first here
            .ToList();
}
