namespace Actors.Api.Hosting;

/// <summary>Body of <c>POST /dev/clock</c>: move "now" to an instant, or by a duration (ISO-8601 or d.hh:mm:ss).</summary>
public sealed class DevClockRequest
{
    public DateTimeOffset? AdvanceTo { get; set; }

    public string? AdvanceBy { get; set; }
}
