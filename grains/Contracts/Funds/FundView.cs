namespace Actors.Contracts.Funds;

/// <summary>
/// A fund year as the grain sees it at one version: every total in millimes, the programmes, the
/// roll-up by governorate (all 24, zeros included). Its amendments are listed by the amendment
/// register (<see cref="IAmendmentRegisterGrain"/>); Id 10 held them until then and stays unused.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FundView(
    [property: Id(0)] int Year,
    [property: Id(1)] long AppropriationMillimes,
    [property: Id(2)] long ProgrammedMillimes,
    [property: Id(3)] long UnprogrammedMillimes,
    [property: Id(4)] long ReservedMillimes,
    [property: Id(5)] long AllocatedMillimes,
    [property: Id(6)] long DisbursedMillimes,
    [property: Id(7)] long AvailableMillimes,
    [property: Id(8)] IReadOnlyList<FundProgrammeView> Programmes,
    [property: Id(9)] IReadOnlyList<FundGovernorateRollup> ByGovernorate,
    [property: Id(11)] int AllocationCount,
    [property: Id(12)] string Source,
    [property: Id(13)] DateTimeOffset OpenedAt,
    [property: Id(14)] DateTimeOffset UpdatedAt,
    [property: Id(15)] long Version);
