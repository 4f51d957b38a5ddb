namespace Actors.Api.Progress;

public sealed record RequestProgress(IReadOnlyList<ProgressGroup> Groups, long? Total, DateTimeOffset AsOf, int SuppressionThreshold);
