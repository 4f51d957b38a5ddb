using Actors.Contracts.Audit;

namespace Actors.Api.Audit;

/// <summary>One entry in the making: an operation's name, the objects it touched in the order met, its outcome.</summary>
internal sealed class AuditedStep(AuditKind kind, string operation)
{
    private readonly List<string> _objectIds = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _governorates = new(StringComparer.Ordinal);

    public AuditKind Kind => kind;

    public string Operation => operation;

    public IReadOnlyList<string> ObjectIds => _objectIds;

    public IReadOnlyList<string> Governorates => [.. _governorates];

    /// <summary><c>OK</c> until something fails; then the first failure's code.</summary>
    public string Outcome { get; private set; } = AuditRecord.Ok;

    public void Touched(string? objectId, string? governorate)
    {
        if (!string.IsNullOrEmpty(objectId) && _seen.Add(objectId))
        {
            _objectIds.Add(objectId);
        }

        if (!string.IsNullOrEmpty(governorate))
        {
            _governorates.Add(governorate);
        }
    }

    public void Failed(string code)
    {
        if (Outcome == AuditRecord.Ok)
        {
            Outcome = code;
        }
    }
}
