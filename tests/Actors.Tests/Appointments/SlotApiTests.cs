using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Appointments;

/// <summary>The slot queries as connections, and the booking inputs' shape checks (BAD_USER_INPUT naming the field).</summary>
[Collection(ApiCollection.Name)]
public sealed class SlotApiTests(ApiFactory api)
{
    private const string Available = """
        query($c: ID!, $from: Date!, $to: Date!, $first: Int, $after: String) {
          availableSlots(centerId: $c, service: NATIONAL_ID_CARD, from: $from, to: $to, first: $first, after: $after) {
            nodes { id startsAt endsAt desks remaining center { code } } pageInfo { hasNextPage endCursor } } }
        """;

    private static string Day(int fromToday) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset StartOf(JsonNode? slot) => DateTimeOffset.Parse(slot!["startsAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private static (string Code, string? Field) ErrorOf(JsonNode result) =>
        (result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), result["errors"]![0]!["extensions"]!["parameters"]?["field"]?.GetValue<string>());

    [Fact]
    public async Task Available_slots_page_forward_in_time_order()
    {
        var variables = new { c = GlobalIds.Center("TN11-GU1"), from = Day(1), to = Day(14), first = 3, after = (string?)null };
        var first = (await api.GraphQL(Available, variables))["data"]!["availableSlots"]!;
        var cursor = first["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = (await api.GraphQL(Available, variables with { after = cursor }))["data"]!["availableSlots"]!;

        var slots = first["nodes"]!.AsArray().Concat(second["nodes"]!.AsArray()).ToList();
        Assert.Equal(6, slots.Count);
        Assert.Equal(6, slots.Select(s => s!["id"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(slots.Select(StartOf).Order(), slots.Select(StartOf));
        Assert.All(slots, s => Assert.Equal(("TN11-GU1", true), (s!["center"]!["code"]!.GetValue<string>(), s["remaining"]!.GetValue<int>() > 0)));
        Assert.All(slots, s => Assert.True(DateTimeOffset.Parse(s!["endsAt"]!.GetValue<string>(), CultureInfo.InvariantCulture) > StartOf(s)));
    }

    [Fact]
    public async Task A_range_too_long_or_backwards_is_bad_user_input()
    {
        var center = GlobalIds.Center("TN11-GU1");
        Assert.Equal(("BAD_USER_INPUT", "to"), ErrorOf(await api.GraphQL(Available, new { c = center, from = Day(1), to = Day(40), first = 1, after = (string?)null })));
        Assert.Equal(("BAD_USER_INPUT", "to"), ErrorOf(await api.GraphQL(Available, new { c = center, from = Day(5), to = Day(1), first = 1, after = (string?)null })));
        Assert.Equal(("BAD_USER_INPUT", "first"), ErrorOf(await api.GraphQL(
            "{ nearestSlots(service: NATIONAL_ID_CARD, governorate: TUNIS, first: 51) { totalCount } }")));
    }

    [Fact]
    public async Task Nearest_slots_are_the_earliest_across_the_governorates_centers()
    {
        var result = await api.GraphQL(
            "{ nearestSlots(service: NATIONAL_ID_CARD, governorate: TUNIS, first: 5) { nodes { startsAt remaining center { code governorate { code } } } } }");
        var slots = result["data"]!["nearestSlots"]!["nodes"]!.AsArray().ToList();

        Assert.Equal(5, slots.Count);
        Assert.Equal(slots.Select(StartOf).Order(), slots.Select(StartOf));
        Assert.All(slots, s => Assert.Equal("TUNIS", s!["center"]!["governorate"]!["code"]!.GetValue<string>()));
        Assert.All(slots, s => Assert.True(StartOf(s) > DateTimeOffset.UtcNow));
    }

    public static TheoryData<string, string, string> BadBookings => new()
    {
        { "bookAppointment", """{ "idempotencyKey": "k-1" }""", "input.slot" },
        { "bookAppointment", """{ "slot": "not-a-slot" }""", "input.slot" },
        { "bookAppointment", """{ "slot": "U2VydmljZUNlbnRlcjpUTjExLUdVMQ" }""", "input.slot" },
        { "bookAppointment", """{ "at": "2030-03-04T09:00:00+01:00", "idempotencyKey": "not a key!" }""", "input.idempotencyKey" },
        { "rescheduleAppointment", """{ "slot": "U2VydmljZUNlbnRlcjpUTjExLUdVMQ" }""", "input.slot" },
    };

    [Theory]
    [MemberData(nameof(BadBookings))]
    public async Task Malformed_booking_inputs_are_bad_user_input_naming_the_field(string mutation, string fields, string field)
    {
        var token = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: "01234567");
        var input = JsonNode.Parse(fields)!.AsObject();
        input["requestId"] = GlobalIds.Of("CitizenRequest", Guid.NewGuid().ToString("N"));
        var name = char.ToUpperInvariant(mutation[0]) + mutation[1..];
        var result = await api.GraphQL($"mutation($in: {name}Input!) {{ {mutation}(input: $in) {{ request {{ id }} }} }}", new { @in = input }, token);
        Assert.Equal(("BAD_USER_INPUT", field), ErrorOf(result));
    }
}
