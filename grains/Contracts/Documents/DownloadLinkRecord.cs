namespace Actors.Contracts.Documents;

[GenerateSerializer]
public sealed class DownloadLinkRecord
{
    [Id(0)] public string TokenHash { get; set; } = "";
    [Id(1)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(2)] public DateTimeOffset? UsedAt { get; set; }
}
