using System.Text.Json;
using System.Text.Json.Serialization;
using TrialAccess.Recruitment.Referrals;
using TrialAccess.Recruitment.Studies;

namespace TrialAccess.Recruitment;

/// <summary>A study key in JSON: its text form (<c>NCT04280705</c>, <c>pipeline:P-0042</c>).</summary>
public sealed class StudyKeyJsonConverter : JsonConverter<StudyKey>
{
    public override StudyKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StudyKey.TryParse(reader.GetString(), out var key) ? key : throw new JsonException("Not a study id.");

    public override void Write(Utf8JsonWriter writer, StudyKey value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}

/// <summary>A referral id in JSON: its text form (<c>R-0123456789</c>).</summary>
public sealed class ReferralIdJsonConverter : JsonConverter<ReferralId>
{
    public override ReferralId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReferralId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Not a referral id.");

    public override void Write(Utf8JsonWriter writer, ReferralId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
