using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Actors.Tests.Infrastructure;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Interop;

/// <summary>Outside Development the sandboxes' outbox is no part of the API: not in the schema, not answerable.</summary>
[Collection(ProductionApiCollection.Name)]
public sealed class SandboxOutsideDevelopmentTests(ProductionApiFactory api)
{
    [Fact]
    public void The_schema_has_no_sandbox_field_or_type()
    {
        var printed = api.Services.GetRequiredService<ISchema>().Print();
        Assert.DoesNotContain("sandboxNotifications", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("SandboxNotification", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_it_over_HTTP_is_a_validation_error()
    {
        using var response = await api.Http.PostAsJsonAsync("/graphql", new { query = "{ sandboxNotifications { messageId } }" }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Null(body!["data"]);
        Assert.Contains("sandboxNotifications", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
