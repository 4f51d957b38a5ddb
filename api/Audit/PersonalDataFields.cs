namespace Actors.Api.Audit;

/// <summary>
/// The fields that return personal data, as (type, field) in the schema's names: reading any of them is audited (one
/// entry per root field of the operation, naming the objects read). One list, for the audit and for whoever else
/// needs to know which fields are personal (the authorization matrix).
/// </summary>
public static class PersonalDataFields
{
    public static IReadOnlySet<(string Type, string Field)> All { get; } = new HashSet<(string Type, string Field)>
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
        // Pupils named on school deliveries.
        ("SchoolDeliveryCandidate", "givenName"),
        ("SchoolDeliveryCandidate", "grade"),
        ("SchoolDeliveryCard", "givenName"),
        ("SchoolDeliveryCard", "grade"),
    };

    public static bool Contains(string type, string field) => All.Contains((type, field));
}
