using System.Text.RegularExpressions;
using Actors.Contracts.Errors;
using Actors.Contracts.Funds;
using Actors.Contracts.Geography;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Grains.Persistence;

namespace Actors.Grains.Funds;

/// <summary>
/// Every municipality, by code. Imports upsert by code (the same rows again change nothing), check
/// each row on its own, apply the good ones and report the bad ones by line, in one write with the
/// audit line of the import.
/// </summary>
public sealed partial class MunicipalityRegistryGrain(
    [PersistentState(StorageNames.MunicipalityRegistryState, StorageNames.Domain)] IPersistentState<MunicipalityRegistryState> state,
    TimeProvider clock) : Grain, IMunicipalityRegistryGrain
{
    public const int MaxRows = 5000;
    public const int MaxNameLength = 120;
    private const int ImportsKept = 100;

    private MunicipalityRegistryState S => state.State;

    public async Task<MunicipalityImportResult> Import(Actor actor, IReadOnlyList<MunicipalityImportRow> rows, string source)
    {
        var op = FundOperations.ImportMunicipalities;
        if (actor.Role is not (ActorRole.FundManager or ActorRole.Operator or ActorRole.System))
        {
            throw op.Refuse(ErrorCodes.NotAllowed,
                $"Only a {SchemaText.Of(ActorRole.FundManager)} or an {SchemaText.Of(ActorRole.Operator)} imports municipalities.",
                ("role", SchemaText.Of(actor.Role)));
        }

        if (rows.Count > MaxRows)
        {
            throw op.Refuse(ErrorCodes.ValidationFailed, $"An import has at most {SchemaText.Number(MaxRows)} rows.", ("rows", SchemaText.Number(rows.Count)));
        }

        var now = clock.GetUtcNow();
        var by = actor.Describe();
        var rejected = new List<MunicipalityImportRejection>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var (created, updated, unchanged) = (0, 0, 0);
        foreach (var row in rows.OrderBy(r => r.Line))
        {
            if (Problem(row) is { } problem)
            {
                rejected.Add(new MunicipalityImportRejection(row.Line, string.IsNullOrWhiteSpace(row.Code) ? null : row.Code, problem));
                continue;
            }

            if (!firstLineOf.TryAdd(row.Code, row.Line))
            {
                rejected.Add(new MunicipalityImportRejection(row.Line, row.Code, $"Code {row.Code} already appears on line {firstLineOf[row.Code]}."));
                continue;
            }

            var candidate = new Municipality(row.Code, row.NameAr, row.NameFr, row.Governorate, row.IsNew, row.IsDemo, now, by);
            if (!S.Municipalities.TryGetValue(row.Code, out var known))
            {
                S.Municipalities[row.Code] = candidate;
                created++;
            }
            else if (known with { UpdatedAt = now, UpdatedBy = by } == candidate)
            {
                unchanged++;
            }
            else
            {
                S.Municipalities[row.Code] = candidate;
                updated++;
            }
        }

        if (created + updated > 0)
        {
            S.Version++;
            S.UpdatedAt = now;
        }

        S.Imports.Add(new MunicipalityImportRecord(now, by, source, created, updated, unchanged, rejected.Count));
        if (S.Imports.Count > ImportsKept)
        {
            S.Imports.RemoveRange(0, S.Imports.Count - ImportsKept);
        }

        await state.WriteOrRestoreAsync(this);
        return new MunicipalityImportResult(created, updated, unchanged, rejected, S.Municipalities.Count, now);
    }

    public Task<Municipality?> Find(string code) =>
        Task.FromResult(code is null ? null : S.Municipalities.GetValueOrDefault(code));

    public Task<IReadOnlyList<Municipality>> List() =>
        Task.FromResult<IReadOnlyList<Municipality>>(S.Municipalities.Values.OrderBy(m => m.Code, StringComparer.Ordinal).ToList());

    /// <summary>Why a row cannot be applied, or null when it can.</summary>
    private static string? Problem(MunicipalityImportRow row)
    {
        if (string.IsNullOrWhiteSpace(row.Code) || !Code().IsMatch(row.Code))
        {
            return "code must be 2 to 32 of A-Z, 0-9 and '-', starting with a letter or digit.";
        }

        if (string.IsNullOrWhiteSpace(row.NameAr) || row.NameAr.Length > MaxNameLength)
        {
            return $"nameAr is required, at most {MaxNameLength} characters.";
        }

        if (!row.NameAr.Any(ch => ch is >= '\u0600' and <= '\u06FF'))
        {
            return "nameAr must be written in Arabic script.";
        }

        if (string.IsNullOrWhiteSpace(row.NameFr) || row.NameFr.Length > MaxNameLength)
        {
            return $"nameFr is required, at most {MaxNameLength} characters.";
        }

        return Governorates.Exists(row.Governorate) ? null : $"governorate '{row.Governorate}' is not one of the 24 governorate codes (e.g. TUNIS, SIDI_BOUZID).";
    }

    [GeneratedRegex(@"\A[A-Z0-9][A-Z0-9-]{1,31}\z")]
    private static partial Regex Code();
}
