namespace Actors.Contracts.Requests;

/// <summary>
/// Fees per document, in millimes. Ours (the articles give none): a single stamp duty per
/// request, checked exactly when a payment is recorded.
/// </summary>
public static class RequestFees
{
    public const long NationalIdCardMillimes = 3_000;
    public const long CriminalRecordExtractMillimes = 3_000;

    public static long For(RequestKind kind) => kind switch
    {
        RequestKind.NationalIdCard => NationalIdCardMillimes,
        RequestKind.CriminalRecordExtract => CriminalRecordExtractMillimes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
