using Actors.Api.Authorization;

namespace Actors.Api.Audit;

/// <summary>
/// The fields that return personal data, as (type, field) in the schema's names: reading any of them is audited (one
/// entry per root field of the operation, naming the objects read). Every personal-data row of the authorization
/// matrix is audited without being listed here; this list adds the fields whose reading is worth a trail although
/// every role that reaches their object may read them (the exchange log, document checks, pupils' grades).
/// </summary>
public static class PersonalDataFields
{
    public static IReadOnlySet<(string Type, string Field)> All { get; } = AuthorizationMatrix.PersonalFields
        .Select(rule => (Type: rule.Coordinate[..rule.Coordinate.IndexOf('.', StringComparison.Ordinal)],
            Field: rule.Coordinate[(rule.Coordinate.IndexOf('.', StringComparison.Ordinal) + 1)..]))
        .Concat(new (string Type, string Field)[]
    {
        // A citizen request's people, contact, enrolment, document and delivery.
        ("CitizenRequest", "applicant"),
        ("CitizenRequest", "pupil"),
        ("CitizenRequest", "guardian"),
        ("CitizenRequest", "contact"),
        ("CitizenRequest", "document"),
        ("CitizenRequest", "documentCode"),
        ("CitizenRequest", "delivery"),
        // The exchange log: who was asked what about whom.
        ("CitizenRequest", "exchanges"),
        ("Exchange", "dataItems"),
        ("Exchange", "outcome"),
        ("Exchange", "detail"),
        // The checks of a document: who tried a code, and what a check tells about the holder.
        ("DocumentCheck", "outcome"),
        ("DocumentCheck", "clientAddressHash"),
        ("VerifiedDocument", "holderName"),
        ("VerifiedDocument", "holderNameLatin"),
        // A request's steps, live: subscribing is reading them (audited once, when the subscription is asked for).
        ("Subscription", "requestStatusChanged"),
        // Pupils named on school deliveries.
        ("SchoolDeliveryCandidate", "givenName"),
        ("SchoolDeliveryCandidate", "grade"),
        ("SchoolDeliveryCard", "givenName"),
        ("SchoolDeliveryCard", "grade"),
    }).ToHashSet();

    public static bool Contains(string type, string field) => All.Contains((type, field));
}
