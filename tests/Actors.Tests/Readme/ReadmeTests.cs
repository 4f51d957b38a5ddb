using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Actors.Tests.Embedded;
using Actors.Tests.Transport;

namespace Actors.Tests.Readme;

/// <summary>
/// Runs every GraphQL snippet of README.md, in order, against the embedded API in its own process on
/// Kestrel (real HTTP, and WebSocket for subscriptions), with the tokens of its curl lines, so that
/// the README cannot drift from the schema or the pathways again.
/// </summary>
public sealed partial class ReadmeTests
{
    /// <summary>Where each placeholder of the README takes its value from: a path in an earlier snippet's data.</summary>
    private static readonly (string Placeholder, string[] Path)[] Sources =
    [
        ("<request id>", ["submitIdCardRequest", "request", "id"]),
        ("<bulletin request id>", ["submitCriminalRecordRequest", "request", "id"]),
        ("<document code>", ["node", "documentCode"]),
        ("<waiting request id>", ["waiting", "request", "id"]),
        ("<redirect url>", ["startPayment", "payment", "redirectUrl"]),
        ("<slot id>", ["availableSlots", "nodes", "0", "id"]),
        ("<appointment start>", ["bookAppointment", "request", "appointment", "startsAt"]),
        ("<link path>", ["createDocumentDownloadLink", "link", "path"]),
    ];

    /// <summary>The README's first test card: the one a newcomer pays with.</summary>
    private const string SuccessCard = "4242 4242 4242 4242";

    [Fact]
    public void The_readme_has_the_snippets_this_test_relies_on()
    {
        var snippets = ReadmeDocument.GraphQLSnippets();
        var tokens = ReadmeDocument.TokenRequests();
        Assert.True(snippets.Count >= 10, $"Only {snippets.Count} graphql blocks found in README.md.");
        Assert.All(snippets.Where(s => s.Subject is not null), s => Assert.True(tokens.ContainsKey(s.Subject!), $"{s}: no curl line gives a token to {s.Subject}."));
        Assert.Contains(snippets, s => s.Operations.Any(o => o.Contains("bookAppointment", StringComparison.Ordinal)));
        Assert.Contains(snippets, s => s.Operations.Any(o => o.Contains("verifyDocument", StringComparison.Ordinal)));
        Assert.Contains(snippets, s => s.ShowsError);
    }

    [Fact]
    public async Task Every_graphql_snippet_runs_against_the_embedded_api()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var api = await EmbeddedApiProcess.StartAsync("readme-api", cancellation);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var http = new HttpClient { BaseAddress = api.BaseAddress })
        {
            foreach (var (subject, body) in ReadmeDocument.TokenRequests())
            {
                using var response = await http.PostAsJsonAsync("/dev/token", body, cancellation);
                var text = await response.Content.ReadAsStringAsync(cancellation);
                Assert.True(response.IsSuccessStatusCode, $"The README's token request for {subject} failed: {text}");
                tokens[subject] = JsonNode.Parse(text)!["token"]!.GetValue<string>();
            }
        }

        // The dates a reader types for "today" and "a week from today" (Africa/Tunis).
        var today = Actors.Contracts.Scheduling.TunisTime.DayOf(DateTimeOffset.UtcNow);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["<today>"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["<in a week>"] = today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        var subscriptions = new List<(ReadmeSnippet Snippet, GraphQLWebSocketTestClient Client)>();
        try
        {
            foreach (var snippet in ReadmeDocument.GraphQLSnippets())
            {
                var token = snippet.Subject is null ? null : tokens[snippet.Subject];
                if (snippet.AfterPaying)
                {
                    // What the reader does in the browser: pay the latest order on the sandbox gateway's page.
                    await Pathway.PathwayApi.PayOnPage(Substitute("<redirect url>", values, snippet), SuccessCard);
                }

                if (snippet.OnAppointmentDay)
                {
                    // What the reader does with the README's curl line: move the Development clock to the appointment.
                    using var http = new HttpClient { BaseAddress = api.BaseAddress };
                    using var moved = await http.PostAsJsonAsync("/dev/clock", new { advanceTo = values["<appointment start>"] }, cancellation);
                    Assert.True(moved.IsSuccessStatusCode, $"{snippet}: POST /dev/clock failed: {await moved.Content.ReadAsStringAsync(cancellation)}");
                }

                var first = true;
                foreach (var template in snippet.Operations)
                {
                    var operation = Substitute(template, values, snippet);
                    if (operation.StartsWith("subscription", StringComparison.Ordinal))
                    {
                        subscriptions.Add((snippet, await SubscribeAsync(api, token, operation)));

                        // The server joins the request's event stream after the subscribe message, with no
                        // answer until the first event: give it the moment a person takes to switch tabs.
                        await Task.Delay(TimeSpan.FromSeconds(2), cancellation);
                        continue;
                    }

                    var result = await api.Client.PostAsync(operation, token: token, cancellationToken: cancellation);
                    if (first && snippet.RetriedUntil is { } expected)
                    {
                        var deadline = DateTime.UtcNow.AddSeconds(30);
                        while ((Problems(result).Count > 0 || !result.ToJsonString().Contains(expected, StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
                        {
                            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
                            result = await api.Client.PostAsync(operation, token: token, cancellationToken: cancellation);
                        }

                        Assert.True(result.ToJsonString().Contains(expected, StringComparison.Ordinal), $"{snippet}: never answered with {expected}: {result.ToJsonString()}");
                    }

                    first = false;
                    var problems = Problems(result);
                    if (snippet.ShowsError)
                    {
                        Assert.True(problems.Count > 0, $"{snippet} says it shows an error, but it succeeded: {result.ToJsonString()}");
                    }
                    else
                    {
                        Assert.True(problems.Count == 0, $"{snippet} failed:\n{operation}\n{string.Join('\n', problems)}");
                    }

                    Harvest(result["data"], values);
                }
            }

            // What the reader does with the one-time link: open it once, get the PDF.
            Assert.True(values.TryGetValue("<link path>", out var linkPath), "The README's createDocumentDownloadLink gave no link.");
            using (var http = new HttpClient { BaseAddress = api.BaseAddress })
            using (var pdf = await http.GetAsync(linkPath, cancellation))
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, pdf.StatusCode);
                Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            }

            foreach (var (snippet, client) in subscriptions)
            {
                var message = await client.ReceiveAsync();
                Assert.True(GraphQLWebSocketTestClient.Type(message) == "next" && message["payload"]?["errors"] is null,
                    $"{snippet}: the subscription answered {message.ToJsonString()}");
            }
        }
        finally
        {
            foreach (var (_, client) in subscriptions)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static async Task<GraphQLWebSocketTestClient> SubscribeAsync(EmbeddedApiProcess api, string? token, string operation)
    {
        var address = new UriBuilder(api.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
        var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(address, token is null ? null : new { Authorization = "Bearer " + token });
        await client.SubscribeAsync("readme", operation);
        return client;
    }

    private static string Substitute(string operation, Dictionary<string, string> values, ReadmeSnippet snippet) =>
        Placeholder().Replace(operation, m => values.TryGetValue(m.Value, out var value)
            ? value
            : throw new InvalidOperationException($"{snippet} uses {m.Value} before any snippet returned it."));

    private static void Harvest(JsonNode? data, Dictionary<string, string> values)
    {
        foreach (var (placeholder, path) in Sources)
        {
            var node = data;
            foreach (var step in path)
            {
                node = node switch
                {
                    JsonObject o => o[step],
                    JsonArray a when int.TryParse(step, out var i) && i < a.Count => a[i],
                    _ => null,
                };
            }

            if (node is JsonValue value && value.TryGetValue<string>(out var text))
            {
                values[placeholder] = text;
            }
        }
    }

    /// <summary>GraphQL errors, and payload errors: any non-empty <c>errors</c> list inside <c>data</c>.</summary>
    private static List<string> Problems(JsonNode result)
    {
        var problems = new List<string>();
        if (result["errors"] is JsonArray errors)
        {
            problems.Add("GraphQL errors: " + errors.ToJsonString());
        }

        if (result["data"] is null)
        {
            problems.Add("no data");
        }

        Walk(result["data"], problems);
        return problems;

        static void Walk(JsonNode? node, List<string> problems)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, child) in o)
                    {
                        if (key == "errors" && child is JsonArray { Count: > 0 } payloadErrors)
                        {
                            problems.Add("payload errors: " + payloadErrors.ToJsonString());
                        }
                        else
                        {
                            Walk(child, problems);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item, problems);
                    }

                    break;
            }
        }
    }

    [GeneratedRegex("<[a-z][a-z ]*>")]
    private static partial Regex Placeholder();
}
