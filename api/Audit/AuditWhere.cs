namespace Actors.Api.Audit;

public sealed class AuditWhere
{
    public string? ObjectId { get; set; }

    public string? Subject { get; set; }

    public string? Operation { get; set; }

    public DateTimeOffset? From { get; set; }

    public DateTimeOffset? To { get; set; }
}
