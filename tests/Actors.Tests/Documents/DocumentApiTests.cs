using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Actors.SignedDocuments;

namespace Actors.Tests.Documents;

/// <summary>
/// A bulletin no. 3 from submission to its signed document over GraphQL and HTTP on Kestrel: the owner's view, the
/// PDF by token and by one-time link, the published keys verifying the QR text, the online check with its second
/// fact and its limits, revocation, supersession and expiry. Its own API, so that moving the clock months ahead
/// disturbs nobody.
/// </summary>
public sealed class DocumentApiTests(DocumentApiFactory api) : IClassFixture<DocumentApiFactory>
{
    private const string Judicial = "TN11-BJ1";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private const string BirthDate = "1991-03-14";

    private const string DocumentFields =
        "number kind status issuedAt validUntil issuer keyId qrText pdfPath supersededBy revocation { reason note by }";

    private const string Verify =
        "query($c: String!, $d: Date!) { verifyDocument(code: $c, holderBirthDate: $d) { status kind issuedOn validUntil holderName holderNameLatin } }";

    [Fact]
    public async Task An_issued_bulletin_carries_a_signed_QR_that_verifies_against_the_published_keys()
    {
        var (citizen, number, request) = await IssuedBulletin("11111111");
        var document = request["document"]!;
        Assert.Equal(number, document["number"]!.GetValue<string>());
        Assert.Equal("VALID", document["status"]!.GetValue<string>());
        Assert.Equal($"/documents/{number}.pdf", document["pdfPath"]!.GetValue<string>());

        var keys = PublishedKeySet.FromJson(await api.Http.GetStringAsync("/.well-known/document-keys", Cancel));
        var verification = DocumentVerifier.Verify(document["qrText"]!.GetValue<string>(), keys.Keys, api.Clock.GetUtcNow());
        Assert.Equal(VerificationVerdict.Valid, verification.Verdict);
        Assert.Equal(number, verification.Payload!.Number);
        Assert.Equal("سلمى", verification.Payload.GivenName);
        Assert.Equal("Salma", verification.Payload.GivenNameLatin);
        Assert.Equal(new DateOnly(1991, 3, 14), verification.Payload.BirthDate);
        Assert.Equal(document["keyId"]!.GetValue<string>(), verification.KeyId);

        // Only the owner and the desk see it; another citizen sees nothing.
        var stranger = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8]);
        var id = request["id"]!.GetValue<string>();
        var seen = await api.GraphQL("query($id: ID!) { request(id: $id) { document { number } } }", new { id }, stranger);
        Assert.Null(seen["data"]!["request"]);
        Assert.NotNull(citizen);
    }

    [Fact]
    public async Task The_owner_downloads_the_PDF_with_a_token_or_once_with_a_link_and_nobody_else_does()
    {
        var (citizen, number, _) = await IssuedBulletin("22222222");

        using (var anonymous = await api.Http.GetAsync($"/documents/{number}.pdf", Cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var owner = await Get($"/documents/{number}.pdf", citizen))
        {
            Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
            Assert.Equal("application/pdf", owner.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await owner.Content.ReadAsByteArrayAsync(Cancel))[..5]);
            Assert.Contains("no-store", owner.Headers.CacheControl!.ToString());
        }

        var stranger = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8]);
        using (var other = await Get($"/documents/{number}.pdf", stranger))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        var link = await api.GraphQL(
            "mutation($in: CreateDocumentDownloadLinkInput!) { createDocumentDownloadLink(input: $in) { link { path expiresAt } errors { __typename ... on Error { code } } } }",
            new { @in = new { number } }, citizen);
        Assert.Null(link["errors"]);
        var path = link["data"]!["createDocumentDownloadLink"]!["link"]!["path"]!.GetValue<string>();
        Assert.StartsWith($"/documents/{number}.pdf?link=", path);

        using (var first = await api.Http.GetAsync(path, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var again = await api.Http.GetAsync(path, Cancel))
        {
            Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
            Assert.Contains("createDocumentDownloadLink", await again.Content.ReadAsStringAsync(Cancel));
        }

        // A link is the owner's to make: the authorization matrix refuses every other role before the document is asked.
        var agent = await api.Token("AGENT", "agent-judicial", Judicial);
        var refused = await api.GraphQL(
            "mutation($in: CreateDocumentDownloadLinkInput!) { createDocumentDownloadLink(input: $in) { link { path } errors { __typename ... on Error { code } } } }",
            new { @in = new { number } }, agent);
        Assert.Null(refused["data"]);
        Assert.Equal("FORBIDDEN", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_online_check_answers_only_with_the_birth_date_and_unknown_codes_look_the_same()
    {
        var (_, number, _) = await IssuedBulletin("33333333");

        var matched = await api.GraphQL(Verify, new { c = number.ToLowerInvariant(), d = BirthDate });
        Assert.Null(matched["errors"]);
        var answer = matched["data"]!["verifyDocument"]!;
        Assert.Equal("VALID", answer["status"]!.GetValue<string>());
        Assert.Equal("CRIMINAL_RECORD_EXTRACT", answer["kind"]!.GetValue<string>());
        Assert.Equal("سلمى بن عمر", answer["holderName"]!.GetValue<string>());
        Assert.Equal("Salma Ben Omar", answer["holderNameLatin"]!.GetValue<string>());
        var issuedOn = DateOnly.Parse(answer["issuedOn"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Equal(issuedOn.AddDays(90), DateOnly.Parse(answer["validUntil"]!.GetValue<string>(), CultureInfo.InvariantCulture));

        var wrongDate = await api.GraphQL(Verify, new { c = number, d = "1991-03-15" });
        var unknown = await api.GraphQL(Verify, new { c = "00000-00000-00000", d = BirthDate });
        Assert.Equal(wrongDate.ToJsonString(), unknown.ToJsonString());
        Assert.Null(unknown["data"]!["verifyDocument"]);

        var malformed = await api.GraphQL(Verify, new { c = "not a code", d = BirthDate });
        Assert.Equal("BAD_USER_INPUT", malformed["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        // Supervisors see every check of the code: the match and the miss, with a hashed address.
        var supervisor = await api.Token("SUPERVISOR", "sup-tunis", governorate: "TUNIS");
        var log = await api.GraphQL("query($c: String!) { documentChecks(code: $c) { code outcome at clientAddressHash } }", new { c = number }, supervisor);
        Assert.Null(log["errors"]);
        var outcomes = log["data"]!["documentChecks"]!.AsArray().Select(c => c!["outcome"]!.GetValue<string>()).ToList();
        Assert.Equal(["BIRTH_DATE_MISMATCH", "MATCHED"], outcomes);
        var hash = log["data"]!["documentChecks"]![0]!["clientAddressHash"]!.GetValue<string>();
        Assert.DoesNotContain("127.0.0.1", hash);
        Assert.Matches("^[0-9a-f]{16}$", hash);

        var citizen = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8]);
        var forbidden = await api.GraphQL("query($c: String!) { documentChecks(code: $c) { code } }", new { c = number }, citizen);
        Assert.Equal("FORBIDDEN", forbidden["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Checks_of_one_code_are_limited_with_the_time_to_wait_and_allowed_again_after_the_window()
    {
        var (_, number, _) = await IssuedBulletin("44444444");
        for (var i = 0; i < 10; i++)
        {
            var allowed = await api.GraphQL(Verify, new { c = number, d = "2000-01-01" });
            Assert.Null(allowed["errors"]);
        }

        var limited = await api.GraphQL(Verify, new { c = number, d = BirthDate });
        var error = limited["errors"]![0]!;
        Assert.Equal("RATE_LIMITED", error["extensions"]!["code"]!.GetValue<string>());
        var wait = error["extensions"]!["retryAfterSeconds"]!.GetValue<int>();
        Assert.InRange(wait, 1, 3600);
        Assert.Contains("Try again in", error["message"]!.GetValue<string>());

        api.MovePast(api.Clock.GetUtcNow().AddSeconds(wait));
        var again = await api.GraphQL(Verify, new { c = number, d = BirthDate });
        Assert.Null(again["errors"]);
        Assert.NotNull(again["data"]!["verifyDocument"]);
    }

    [Fact]
    public async Task A_supervisor_revokes_with_a_reason_and_the_document_is_revoked_online_and_no_longer_printed()
    {
        var (citizen, number, _) = await IssuedBulletin("55555555");
        var agent = await api.Token("AGENT", "agent-judicial", Judicial);
        const string Revoke =
            "mutation($in: RevokeDocumentInput!) { revokeDocument(input: $in) { document { status revocation { reason note by } } errors { __typename ... on Error { code message } } } }";

        var byAgent = await api.GraphQL(Revoke, new { @in = new { number, reason = "ISSUED_IN_ERROR" } }, agent);
        Assert.Equal("FORBIDDEN", byAgent["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        var elsewhere = await api.Token("SUPERVISOR", "sup-sfax", governorate: "SFAX");
        var outOfScope = await api.GraphQL(Revoke, new { @in = new { number, reason = "ISSUED_IN_ERROR" } }, elsewhere);
        Assert.Equal("NOT_FOUND", outOfScope["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        var supervisor = await api.Token("SUPERVISOR", "sup-tunis", governorate: "TUNIS");
        var revoked = await api.GraphQL(Revoke, new { @in = new { number, reason = "ISSUED_IN_ERROR", note = "Wrong holder file" } }, supervisor);
        var document = revoked["data"]!["revokeDocument"]!["document"]!;
        Assert.Equal("REVOKED", document["status"]!.GetValue<string>());
        Assert.Equal("ISSUED_IN_ERROR", document["revocation"]!["reason"]!.GetValue<string>());
        Assert.Equal("SUPERVISOR:sup-tunis", document["revocation"]!["by"]!.GetValue<string>());

        var twice = await api.GraphQL(Revoke, new { @in = new { number, reason = "FRAUD_SUSPECTED" } }, supervisor);
        Assert.Equal("INVALID_TRANSITION", twice["data"]!["revokeDocument"]!["errors"]![0]!["code"]!.GetValue<string>());

        var online = await api.GraphQL(Verify, new { c = number, d = BirthDate });
        Assert.Equal("REVOKED", online["data"]!["verifyDocument"]!["status"]!.GetValue<string>());
        using var pdf = await Get($"/documents/{number}.pdf", citizen);
        Assert.Equal(HttpStatusCode.Gone, pdf.StatusCode);
        Assert.Contains("revoked", await pdf.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_newer_extract_supersedes_the_older_and_in_the_end_every_document_expires()
    {
        var (citizen, older, _) = await IssuedBulletin("66666666");
        var (_, newer, _) = await IssuedBulletin("66666666", citizen);

        var first = await api.GraphQL(Verify, new { c = older, d = BirthDate });
        Assert.Equal("SUPERSEDED", first["data"]!["verifyDocument"]!["status"]!.GetValue<string>());
        var second = await api.GraphQL(Verify, new { c = newer, d = BirthDate });
        Assert.Equal("VALID", second["data"]!["verifyDocument"]!["status"]!.GetValue<string>());
        using (var gone = await Get($"/documents/{older}.pdf", citizen))
        {
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
            Assert.Contains(newer, await gone.Content.ReadAsStringAsync(Cancel));
        }

        var keys = PublishedKeySet.FromJson(await api.Http.GetStringAsync("/.well-known/document-keys", Cancel));
        var qr = (await ReadDocument(newer, citizen))["qrText"]!.GetValue<string>();
        api.MovePast(api.Clock.GetUtcNow().AddDays(91));

        var expired = await api.GraphQL(Verify, new { c = newer, d = BirthDate });
        Assert.Equal("EXPIRED", expired["data"]!["verifyDocument"]!["status"]!.GetValue<string>());
        Assert.Equal(VerificationVerdict.Expired, DocumentVerifier.Verify(qr, keys.Keys, api.Clock.GetUtcNow()).Verdict);
    }

    /// <summary>Submits a bulletin no. 3 for Salma Ben Omar with this card number, and issues it as the agent would.</summary>
    private async Task<(string Citizen, string Number, JsonNode Request)> IssuedBulletin(string card, string? citizen = null)
    {
        citizen ??= await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: card);
        var agent = await api.Token("AGENT", "agent-judicial", Judicial);
        var input = new
        {
            centerId = GlobalIds.Center(Judicial),
            purpose = "Job application",
            idempotencyKey = Guid.NewGuid().ToString("N"),
            applicant = new
            {
                givenName = "سلمى", familyName = "بن عمر", givenNameLatin = "Salma", familyNameLatin = "Ben Omar",
                birthDate = BirthDate, nationalIdNumber = card,
            },
        };
        var id = (await Step("submitCriminalRecordRequest", citizen, input))["id"]!.GetValue<string>();
        await Step("startVerification", agent, new { requestId = id });
        await Step("confirmVerification", agent, new { requestId = id });
        await Step("recordPayment", agent, new { requestId = id, paymentReference = "EPAY-" + card, amountMillimes = 3000 });
        await Step("startRecordCheck", agent, new { requestId = id });
        await Step("issueExtract", agent, new { requestId = id });
        var read = await api.GraphQL($"query($id: ID!) {{ request(id: $id) {{ id status documentCode document {{ {DocumentFields} }} }} }}", new { id }, citizen);
        Assert.True(read["errors"] is null, read["errors"]?.ToJsonString());
        var request = read["data"]!["request"]!;
        Assert.Equal("ISSUED", request["status"]!.GetValue<string>());
        return (citizen, request["documentCode"]!.GetValue<string>(), request);
    }

    private async Task<JsonNode> ReadDocument(string number, string citizen)
    {
        var list = await api.GraphQL(
            "query { requests(first: 50) { nodes { documentCode document { qrText } } } }", null, citizen);
        Assert.True(list["errors"] is null, list["errors"]?.ToJsonString());
        return list["data"]!["requests"]!["nodes"]!.AsArray().Single(n => n!["documentCode"]?.GetValue<string>() == number)!["document"]!;
    }

    private async Task<JsonNode> Step(string mutation, string token, object input)
    {
        var name = char.ToUpperInvariant(mutation[0]) + mutation[1..];
        var result = await api.GraphQL(
            $"mutation($in: {name}Input!) {{ {mutation}(input: $in) {{ request {{ id status }} errors {{ __typename ... on Error {{ code message }} }} }} }}",
            new { @in = input }, token);
        Assert.True(result["errors"] is null, $"{mutation}: {result["errors"]?.ToJsonString()}");
        var payload = result["data"]![mutation]!;
        Assert.True(payload["errors"] is null, $"{mutation}: {payload["errors"]?.ToJsonString()}");
        return payload["request"]!;
    }

    private async Task<HttpResponseMessage> Get(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await api.Http.SendAsync(request, Cancel);
    }
}
