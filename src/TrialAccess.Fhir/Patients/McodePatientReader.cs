using System.Globalization;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Validation;
using TrialAccess.Patients;
using TrialAccess.Trials;
using Condition = Hl7.Fhir.Model.Condition;
using PatientCondition = TrialAccess.Patients.Condition;

namespace TrialAccess.Fhir.Patients;

/// <summary>
/// Reads an mCODE (FHIR R4) Bundle into a <see cref="PatientProfile"/>: Patient, primary and secondary cancer
/// Conditions (histology extension, body site), comorbidities, stage group and TNM Observations (LOINC or SNOMED CT,
/// AJCC or SNOMED CT values), tumour markers, genomic variants, ECOG/Karnofsky, laboratory results by LOINC,
/// MedicationStatement/Administration/Request and Procedure. The Firely SDK parses; this class only maps.
/// </summary>
/// <remarks>
/// Resources of other types, values it cannot use and codes it does not understand are skipped with a warning naming
/// the entry (<c>entry[3].resource.value</c>); they never fail the bundle. A second entry with the same
/// <c>fullUrl</c> is the same resource sent twice and is read once.
/// </remarks>
public sealed partial class McodePatientReader : IFhirPatientReader
{
    /// <summary>
    /// The Patient extension (valueBoolean) by which a sender says the bundle is the patient's complete history, so
    /// that a condition, treatment or procedure it does not mention may be presumed absent (see
    /// <see cref="PatientProfile.CompleteHistory"/>).
    /// </summary>
    public const string CompleteHistoryExtension = "https://trialaccess.org/fhir/StructureDefinition/complete-history";

    /// <summary>
    /// The Patient extension (valueCode, repeatable) by which a sender states the setting of the patient's cancer with the
    /// names patient JSON uses in <c>settings</c> (<c>relapsed</c>, <c>lowerRisk</c>, <c>transplantIneligible</c>, ...):
    /// what a note would say in words and mCODE has no element for.
    /// </summary>
    public const string DiseaseSettingExtension = "https://trialaccess.org/fhir/StructureDefinition/disease-setting";

    /// <summary>LOINC 97509-4, mCODE's Cancer Disease Status: whether the cancer is improving, stable or worsening.</summary>
    private const string CancerDiseaseStatus = "97509-4";

    /// <summary>SNOMED CT 271299001, "Patient's condition worsened": the cancer progressed.</summary>
    private const string ConditionWorsened = "271299001";

    /// <summary>
    /// Reads a bundle from JSON. JSON faults (a value of the wrong JSON kind, a property given twice) inside an entry
    /// are reported and read past with that entry; in the bundle itself (<c>entry</c> not a list, a <c>type</c> that is
    /// a number) they make it unreadable.
    /// </summary>
    public PatientIntakeResult Read(string json)
    {
        var parsed = FhirJson.Read<Bundle>(json);
        if (parsed.Resource is not { } bundle)
        {
            return PatientIntakeResult.Failure(PatientInputKind.FhirBundle, parsed.Issues.Select(i => new PatientIntakeIssue(Relative(i.Location), i.Message)).ToList());
        }

        var (envelope, entries) = FhirJson.SplitByEntry(parsed.Issues, "Bundle");
        if (envelope.Count > 0)
        {
            return PatientIntakeResult.Failure(PatientInputKind.FhirBundle, envelope.Select(i => new PatientIntakeIssue(Relative(i.Location), i.Message)).ToList());
        }

        var result = Read(bundle);
        if (!result.IsSuccess || entries.Count == 0)
        {
            return result;
        }

        var lost = entries.Select(i => new PatientIntakeIssue(Relative(i.Location), i.Message + " (read past)"));
        return PatientIntakeResult.Success(result.Kind, result.Profile!, [.. lost, .. result.Warnings]);
    }

    /// <summary>Reads a Bundle already parsed (the patient entries of a CodeX request, for example).</summary>
    /// <param name="skip">Entries to leave out, by index (the Parameters entry of a CodeX request).</param>
    public PatientIntakeResult Read(Bundle bundle, ISet<int>? skip = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (!TryGetEntries(bundle, out var entries, out var shape))
        {
            return PatientIntakeResult.Failure(PatientInputKind.FhirBundle, [new PatientIntakeIssue("entry", shape)]);
        }

        if (entries.Count == 0)
        {
            return PatientIntakeResult.Failure(PatientInputKind.FhirBundle, [new PatientIntakeIssue("entry", "is missing: the bundle has no resources.")]);
        }

        var state = new BundleState();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < entries.Count; index++)
        {
            if (skip?.Contains(index) == true)
            {
                continue;
            }

            var path = $"entry[{index}]";
            var entry = entries[index];
            if (entry?.Resource is not { } resource)
            {
                state.Warn(path, "has no resource; skipped.");
                continue;
            }

            string? fullUrl;
            try
            {
                fullUrl = Text(entry.FullUrlElement);
            }
            catch (Exception e) when (e is InvalidCastException or CodedValidationException)
            {
                // The SDK keeps data of the wrong JSON shape (a list where one value belongs) as it was and refuses it
                // when the property is read: the sender's fault, reported as such.
                state.Warn(path + ".fullUrl", $"is of the wrong JSON shape ({FirstSentence(e.Message)}); the entry is read without it.");
                fullUrl = null;
            }

            if (fullUrl is not null)
            {
                if (seen.TryGetValue(fullUrl, out var first))
                {
                    state.Warn(path, $"repeats the fullUrl of entry[{first}]; read once.");
                    continue;
                }

                seen[fullUrl] = index;
            }

            try
            {
                ReadResource(resource, path + ".resource", state);
            }
            catch (Exception e) when (e is InvalidCastException or CodedValidationException)
            {
                // The same for a property of the resource (an object where an array belongs, a number where a date
                // belongs).
                state.Warn(path + ".resource", $"has a property of the wrong JSON shape ({FirstSentence(e.Message)}); skipped.");
            }
        }

        if (!state.SawPatient)
        {
            state.Warn(null, "The bundle has no Patient resource; birth date and sex are unknown.");
        }

        return PatientIntakeResult.Success(PatientInputKind.FhirBundle, state.ToProfile(Text(bundle.IdElement)), state.Warnings);
    }

    private static bool TryGetEntries(Bundle bundle, out List<Bundle.EntryComponent> entries, out string problem)
    {
        try
        {
            entries = bundle.Entry;
            problem = "";
            return true;
        }
        catch (CodedValidationException e)
        {
            entries = [];
            problem = $"is not a list of entries ({FirstSentence(e.Message)}).";
            return false;
        }
    }

    private static string FirstSentence(string message)
    {
        var at = message.IndexOf(" At ", StringComparison.Ordinal);
        return (at > 0 ? message[..at] : message).TrimEnd('.');
    }

    private static string? Relative(string? location) =>
        location is null ? null : location.StartsWith("Bundle.", StringComparison.Ordinal) ? location["Bundle.".Length..] : location == "Bundle" ? null : location;

    private static void ReadResource(Resource resource, string path, BundleState state)
    {
        switch (resource)
        {
            case Patient patient:
                ReadPatient(patient, path, state);
                break;
            case Condition condition:
                ReadCondition(condition, path, state);
                break;
            case Observation observation:
                ReadObservation(observation, path, state);
                break;
            case MedicationStatement statement:
                ReadMedication(statement.Medication, Text(statement.StatusElement), statement.Effective, path, state);
                break;
            case MedicationAdministration administration:
                ReadMedication(administration.Medication, Text(administration.StatusElement), administration.Effective, path, state);
                break;
            case MedicationRequest request:
                ReadMedication(request.Medication, Text(request.StatusElement), null, path, state);
                break;
            case Procedure procedure:
                ReadProcedure(procedure, path, state);
                break;
            default:
                state.Warn(path, $"resource type '{resource.TypeName}' is not read; skipped.");
                break;
        }
    }

    private static void ReadPatient(Patient r, string path, BundleState state)
    {
        if (state.SawPatient)
        {
            state.Warn(path, "is a second Patient; only the first is read.");
            return;
        }

        state.SawPatient = true;
        state.Id ??= Text(r.IdElement);
        if (Text(r.BirthDateElement) is { } birth)
        {
            if (ParseDate(birth) is { } date)
            {
                state.BirthDate = date;
            }
            else
            {
                state.Warn(path + ".birthDate", $"'{birth}' is not a FHIR date; ignored.");
            }
        }

        state.Sex = Text(r.GenderElement) switch
        {
            "female" => PatientSex.Female,
            "male" => PatientSex.Male,
            "other" => PatientSex.Other,
            _ => null,
        };

        // The sender says the record is a complete history (what it does not mention may be presumed absent) with an
        // extension on the Patient; anything but a boolean true leaves the history incomplete.
        foreach (var extension in r.Extension.Where(e => e.Url == CompleteHistoryExtension))
        {
            if (extension.Value is FhirBoolean { Value: { } complete })
            {
                state.CompleteHistory = complete;
            }
            else
            {
                state.Warn(path + ".extension", $"{CompleteHistoryExtension} needs a valueBoolean; the history is not taken as complete.");
            }
        }

        foreach (var (extension, index) in r.Extension.Select((e, i) => (e, i)).Where(x => x.e.Url == DiseaseSettingExtension))
        {
            var name = extension.Value switch { Code code => code.Value, FhirString text => text.Value, _ => null };
            if (name is null)
            {
                state.Warn($"{path}.extension[{index}]", $"{DiseaseSettingExtension} needs a valueCode; ignored.");
            }
            else if (EnumNames.TryParse<DiseaseSetting>(name, out var setting))
            {
                state.Settings.Add(setting);
            }
            else
            {
                state.Warn($"{path}.extension[{index}].valueCode", $"{EnumNames.NotOneOf<DiseaseSetting>(name)} Ignored.");
            }
        }

        if (r.Address.FirstOrDefault() is { } address)
        {
            GeoPoint? point = null;
            foreach (var extension in address.Extension.Where(e => e.Url?.EndsWith("geolocation", StringComparison.Ordinal) == true))
            {
                var latitude = (extension.Extension.FirstOrDefault(e => e.Url == "latitude")?.Value as FhirDecimal)?.Value;
                var longitude = (extension.Extension.FirstOrDefault(e => e.Url == "longitude")?.Value as FhirDecimal)?.Value;
                if (latitude is { } la && longitude is { } lo && GeoPoint.IsValid((double)la, (double)lo))
                {
                    point = new GeoPoint((double)la, (double)lo);
                }
            }

            var place = string.Join(", ", new[] { Text(address.CityElement), Text(address.StateElement), Text(address.CountryElement) }.OfType<string>());
            var postal = Text(address.PostalCodeElement);
            if (point is not null || place.Length > 0 || postal is not null)
            {
                state.Location = new PatientLocation(point, place.Length > 0 ? place : null, postal);
            }
        }
    }

    private static void ReadCondition(Condition r, string path, BundleState state)
    {
        var text = ConceptText(r.Code);
        var profiles = Profiles(r);
        var certainty = ConditionCertainty(r);
        if (profiles.Any(p => p.Contains("secondary-cancer-condition", StringComparison.Ordinal)))
        {
            ReadSecondaryCancer(r, text, certainty, path, state);
            return;
        }

        if (text is null)
        {
            state.Warn(path + ".code", "has no text or display; Condition skipped.");
            return;
        }

        var onset = r.Onset is FhirDateTime o && Text(o) is { } onsetText ? ParseDate(onsetText) : null;
        var cancer = PatientTerms.Cancer(text);
        var isPrimaryProfile = profiles.Any(p => p.Contains("primary-cancer-condition", StringComparison.Ordinal));
        if (isPrimaryProfile || cancer is not null)
        {
            var histology = HistologyText(r);
            // A cancer whose clinical status is "recurrence" or "relapse" has come back after its first treatment.
            if (Code(r.ClinicalStatus) is "recurrence" or "relapse" && certainty != Certainty.Historical)
            {
                state.Settings.Add(DiseaseSetting.Relapsed);
            }

            state.Diagnoses.Add((Text(r.IdElement), new Diagnosis
            {
                Text = text,
                OncoTreeCode = Code(r.Code, "http://oncotree.mskcc.org") ?? Code(r.Code, "http://oncotree.info") ?? cancer?.OncoTreeCode ?? (histology is null ? null : PatientTerms.Cancer(histology)?.OncoTreeCode),
                Histology = histology ?? cancer?.Histology,
                IsPrimary = isPrimaryProfile || certainty != Certainty.Historical,
                DiagnosedOn = onset,
                Certainty = certainty,
            }));
            return;
        }

        state.Conditions.Add(new PatientCondition { Text = text, Concept = PatientTerms.Condition(text) ?? Code(r.Code), Certainty = certainty, OnsetOn = onset });
    }

    /// <summary>
    /// A secondary cancer is a site of metastasis: the site comes from the body site (by SNOMED CT code or its words),
    /// else from the code ("Secondary malignant neoplasm of liver"), never from the name of the primary cancer that
    /// some senders put in <c>code.text</c>.
    /// </summary>
    private static void ReadSecondaryCancer(Condition r, string? text, Certainty certainty, string path, BundleState state)
    {
        string? site = null;
        foreach (var bodySite in r.BodySite)
        {
            site ??= Codes(bodySite).Select(c => McodeCodes.BodySites.GetValueOrDefault(c.Code)).OfType<string>().FirstOrDefault()
                ?? (ConceptText(bodySite) is { } words ? PatientTerms.MetastaticSite(Clean(words)) ?? Clean(words).ToLowerInvariant() : null);
        }

        site ??= Codes(r.Code).Select(c => McodeCodes.SecondaryNeoplasmSites.GetValueOrDefault(c.Code)).OfType<string>().FirstOrDefault();
        foreach (var display in Codes(r.Code).Select(c => c.Display).OfType<string>())
        {
            site ??= SiteNamedIn(display);
        }

        if (site is null)
        {
            var codes = r.BodySite.SelectMany(Codes).Select(c => c.Code).ToList();
            state.Warn(path + (codes.Count > 0 ? ".bodySite" : ".code"), codes.Count > 0
                ? $"body site code {string.Join(", ", codes)} is not one TrialAccess understands; the site of this metastasis is unknown."
                : $"secondary cancer '{text ?? "without code"}' names no site; the site of this metastasis is unknown.");
            return;
        }

        state.Metastases.Add(new MetastaticSite { Site = site, Certainty = certainty });
    }

    /// <summary>The site in "Secondary malignant neoplasm of liver", "Metastatic malignant neoplasm to lung", "Metastasis to bone".</summary>
    private static string? SiteNamedIn(string display)
    {
        var match = SecondarySitePattern().Match(Clean(display));
        if (!match.Success)
        {
            return null;
        }

        var words = match.Groups["site"].Value.Trim();
        return PatientTerms.MetastaticSite(words) ?? (words.Length > 0 ? words.ToLowerInvariant() : null);
    }

    [GeneratedRegex(@"\b(?:secondary|metasta\w*)\b.*?\b(?:of|to|in)\s+(?:the\s+)?(?<site>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecondarySitePattern();

    private static Certainty ConditionCertainty(Condition r)
    {
        var verification = Code(r.VerificationStatus);
        if (verification is "refuted" or "entered-in-error")
        {
            return Certainty.Negated;
        }

        if (verification is "provisional" or "differential")
        {
            return Certainty.Hypothetical;
        }

        return Code(r.ClinicalStatus) is "resolved" or "inactive" or "remission" ? Certainty.Historical : Certainty.Asserted;
    }

    private static void ReadObservation(Observation r, string path, BundleState state)
    {
        var status = Text(r.StatusElement);
        if (status is "entered-in-error" or "cancelled")
        {
            state.Warn(path, $"status '{status}'; skipped.");
            return;
        }

        var codes = Codes(r.Code).Select(c => c.Code).ToList();
        var loinc = Code(r.Code, "http://loinc.org") ?? codes.FirstOrDefault(IsLoincShaped);
        var text = ConceptText(r.Code) ?? "";
        var date = r.Effective is FhirDateTime d && Text(d) is { } dateText ? ParseDate(dateText) : null;
        var profiles = Profiles(r);
        var lower = text.ToLowerInvariant();

        if (codes.Contains("89247-1") || profiles.Any(p => p.Contains("ecog", StringComparison.Ordinal)) || lower.Contains("ecog", StringComparison.Ordinal))
        {
            AddPerformance(r, path, state, PerformanceScale.Ecog, 0, 5, date);
            return;
        }

        if (codes.Contains("89243-0") || profiles.Any(p => p.Contains("karnofsky", StringComparison.Ordinal)) || lower.Contains("karnofsky", StringComparison.Ordinal))
        {
            AddPerformance(r, path, state, PerformanceScale.Karnofsky, 0, 100, date);
            return;
        }

        // mCODE's disease status: a cancer that worsened has progressed (a relapse for the setting checks); improving,
        // stable or undetermined disease says nothing of the setting.
        if (codes.Contains(CancerDiseaseStatus) || profiles.Any(p => p.Contains("cancer-disease-status", StringComparison.Ordinal)))
        {
            if (r.Value is CodeableConcept diseaseStatus && Codes(diseaseStatus).Any(c => c.Code == ConditionWorsened))
            {
                state.Settings.Add(DiseaseSetting.Relapsed);
            }

            return;
        }

        var part = codes.Select(c => McodeCodes.StageParts.GetValueOrDefault(c)).OfType<string>().FirstOrDefault() ?? StagePartFromProfiles(profiles);
        if (part is not null)
        {
            ReadStage(r, part, path, state);
            return;
        }

        if (codes.Contains("69548-6") || profiles.Any(p => p.Contains("genetic-variant", StringComparison.Ordinal) || p.Contains("genomic-variant", StringComparison.Ordinal)))
        {
            ReadVariant(r, path, state);
            return;
        }

        var marker = codes.Select(c => McodeCodes.Markers.GetValueOrDefault(c)).OfType<string>().FirstOrDefault();
        if (marker is null && profiles.Any(p => p.Contains("tumor-marker", StringComparison.Ordinal)))
        {
            marker = PatientTerms.Marker(text) ?? Codes(r.Code).Select(c => c.Display).OfType<string>().Select(PatientTerms.Marker).OfType<string>().FirstOrDefault();
        }

        if (marker is not null)
        {
            var result = StatusOf(ValueText(r.Value));
            var quantity = Quantity(r.Value);
            if (result is null && quantity is null)
            {
                state.Warn(path + ".value", $"tumour marker {marker} has no readable result; skipped.");
                return;
            }

            state.Biomarkers.Add(new Biomarker { Marker = marker, Status = result ?? BiomarkerStatus.Positive, Value = quantity?.Value, Unit = quantity?.Unit });
            return;
        }

        var lab = codes.Select(c => McodeCodes.Labs.GetValueOrDefault(c)).OfType<string>().FirstOrDefault();
        if (lab is null && r.Category.SelectMany(Codes).Any(c => c.Code == "laboratory"))
        {
            lab = PatientTerms.LabAnalyte(text) ?? (text.Length > 0 ? text.ToLowerInvariant() : null);
        }

        if (lab is not null)
        {
            if (Quantity(r.Value) is not { } q)
            {
                state.Warn(path + ".valueQuantity", $"laboratory result '{lab}' has no numeric value; skipped.");
                return;
            }

            var normalised = PatientTerms.NormaliseLab(lab, q.Value, q.Unit) ?? (q.Value, q.Unit);
            decimal? upper = null;
            if (r.ReferenceRange.FirstOrDefault()?.High?.Value is { } high)
            {
                upper = PatientTerms.NormaliseLab(lab, high, q.Unit)?.Value ?? high;
            }

            state.Labs.Add(new LabResult { Analyte = lab, Value = normalised.Value, Unit = normalised.Unit, UpperLimitOfNormal = upper, LoincCode = loinc, MeasuredOn = date });
            return;
        }

        state.Warn(path + ".code", $"observation '{(text.Length > 0 ? text : codes.FirstOrDefault() ?? "without code")}' is not one TrialAccess reads; skipped.");
    }

    private static string? StagePartFromProfiles(IReadOnlyList<string> profiles) =>
        profiles.Any(p => p.Contains("stage-group", StringComparison.Ordinal)) ? "group"
        : profiles.Any(p => p.Contains("primary-tumor-category", StringComparison.Ordinal)) ? "T"
        : profiles.Any(p => p.Contains("regional-nodes-category", StringComparison.Ordinal)) ? "N"
        : profiles.Any(p => p.Contains("distant-metastases-category", StringComparison.Ordinal)) ? "M"
        : null;

    /// <summary>
    /// A stage group from its coding (AJCC "4" or "c3A", a known SNOMED CT qualifier) or display ("Stage 3A (qualifier
    /// value)", "IIIA"); a TNM category from its display ("American Joint Committee on Cancer cT3"). A value that says
    /// nothing TrialAccess understands is a warning naming its code.
    /// </summary>
    private static void ReadStage(Observation r, string part, string path, BundleState state)
    {
        if (r.Value is not CodeableConcept value)
        {
            if (ValueText(r.Value) is { } plain && ReadStageValue(part, [plain]) is { } fromText)
            {
                state.AddStage(Focus(r), part, fromText);
                return;
            }

            state.Warn(path + ".value", "a stage observation needs a coded value; skipped.");
            return;
        }

        var candidates = new List<string>();
        foreach (var coding in Codes(value))
        {
            if (part == "group" && McodeCodes.SnomedStageGroups.TryGetValue(coding.Code, out var known))
            {
                candidates.Add(known);
            }

            if (coding.Display is { } display)
            {
                candidates.Add(display);
            }

            if (coding.System?.Contains("cancerstaging.org", StringComparison.Ordinal) == true)
            {
                candidates.Add(coding.Code);
            }
        }

        if (Text(value.TextElement) is { } text)
        {
            candidates.Add(text);
        }

        if (ReadStageValue(part, candidates) is { } stage)
        {
            state.AddStage(Focus(r), part, stage);
            return;
        }

        var codes = string.Join(", ", Codes(value).Select(c => c.System is null ? c.Code : $"{c.Code} ({c.System})"));
        state.Warn(path + ".valueCodeableConcept", $"stage value {(codes.Length > 0 ? codes : "without code")} is not one TrialAccess understands; the stage is unknown.");
    }

    private static string? ReadStageValue(string part, IEnumerable<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            var cleaned = Clean(candidate);
            if (part == "group")
            {
                var words = StagePrefix().Replace(cleaned, "");
                if (StageGroup.TryNormalise(words, out var group))
                {
                    return group;
                }
            }
            else if (TnmCategory().Match(cleaned) is { Success: true } tnm && string.Equals(tnm.Groups["part"].Value, part, StringComparison.OrdinalIgnoreCase))
            {
                return tnm.Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?:(?:ajcc|stage|group|clinical|pathological)\s*)*[cpy]?(?=[0-4IV])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StagePrefix();

    [GeneratedRegex(@"\b[cpy]?(?<part>[TNM])(?:[0-4X]|is)[a-d]?\d?(?:\([a-z]+\))?", RegexOptions.CultureInvariant)]
    private static partial Regex TnmCategory();

    private static void AddPerformance(Observation r, string path, BundleState state, PerformanceScale scale, int min, int max, DateOnly? date)
    {
        int? value = r.Value is Integer i ? i.Value : null;
        if (value is null && ValueText(r.Value) is { } t)
        {
            var digits = new string(t.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
            value = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        }

        if (value is not { } v || v < min || v > max)
        {
            state.Warn(path + ".value", $"{scale} needs a value from {min} to {max}; skipped.");
            return;
        }

        state.Performance.Add(new PerformanceStatus(scale, v, null, date));
    }

    private static void ReadVariant(Observation r, string path, BundleState state)
    {
        string? gene = null, change = null;
        foreach (var component in r.Component)
        {
            var code = Codes(component.Code).Select(c => c.Code).FirstOrDefault(IsLoincShaped);
            switch (code)
            {
                case "48018-6":
                    gene = GeneName(component.Value);
                    break;
                case "48005-3" or "81252-9" or "48004-6" or "81290-9":
                    change ??= ValueText(component.Value) ?? (component.Value as CodeableConcept is { } cc ? Codes(cc).Select(c => c.Code).FirstOrDefault() : null);
                    break;
            }
        }

        if (gene is null)
        {
            state.Warn(path + ".component", "a genomic variant needs a gene studied (LOINC 48018-6) that TrialAccess knows; skipped.");
            return;
        }

        var present = StatusOf(ValueText(r.Value)) is not (BiomarkerStatus.Negative or BiomarkerStatus.WildType);
        state.Biomarkers.Add(new Biomarker { Marker = gene, Alteration = present ? change : null, Status = present ? BiomarkerStatus.Positive : BiomarkerStatus.Negative });
    }

    /// <summary>The gene studied: an HGNC id the reader knows, else a gene symbol or a name the vocabulary knows.</summary>
    private static string? GeneName(DataType? value)
    {
        if (value is CodeableConcept concept)
        {
            foreach (var coding in Codes(concept))
            {
                if (McodeCodes.HgncGenes.TryGetValue(coding.Code, out var symbol))
                {
                    return symbol;
                }
            }
        }

        var text = ValueText(value);
        return text is null ? null : PatientTerms.MarkerNamed(text) ?? PatientTerms.Marker(text) ?? (GeneSymbol().IsMatch(text) ? text.ToUpperInvariant() : null);
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex GeneSymbol();

    private static void ReadMedication(DataType? medication, string? status, DataType? effective, string path, BundleState state)
    {
        var name = medication switch
        {
            CodeableConcept concept => ConceptText(concept),
            ResourceReference reference => Text(reference.DisplayElement),
            _ => null,
        };
        if (name is null)
        {
            state.Warn(path + ".medicationCodeableConcept", "has no drug name; skipped.");
            return;
        }

        var drug = PatientTerms.Drug(name);
        var (start, end) = effective switch
        {
            Period period => (ParseDate(Text(period.StartElement)), ParseDate(Text(period.EndElement))),
            FhirDateTime at => (ParseDate(Text(at)), null),
            _ => (null, (DateOnly?)null),
        };
        state.Therapies.Add(new Therapy
        {
            Name = drug?.Name ?? Clean(name).ToLowerInvariant(),
            Kind = TherapyKind.Drug,
            Classes = drug?.Classes ?? [],
            StartedOn = start,
            EndedOn = end,
            IsCurrent = status is "active" or "in-progress" ? true : status is "completed" or "stopped" ? false : null,
            Certainty = status switch
            {
                "active" or "in-progress" => Certainty.Asserted,
                "not-taken" or "not-done" => Certainty.Negated,
                "intended" or "draft" or "on-hold" => Certainty.Hypothetical,
                _ => Certainty.Historical,
            },
        });
    }

    private static void ReadProcedure(Procedure r, string path, BundleState state)
    {
        var text = ConceptText(r.Code);
        if (text is null)
        {
            state.Warn(path + ".code", "has no text or display; Procedure skipped.");
            return;
        }

        var cleaned = Clean(text);
        var known = PatientTerms.Procedure(cleaned);
        var lower = cleaned.ToLowerInvariant();
        var isRadiotherapy = known?.Kind == "radiotherapy" || lower.Contains("radiation", StringComparison.Ordinal) || lower.Contains("radiotherapy", StringComparison.Ordinal)
            || Profiles(r).Any(p => p.Contains("radiotherapy", StringComparison.Ordinal) || p.Contains("radiation", StringComparison.Ordinal));
        var (start, end) = r.Performed switch
        {
            Period period => (ParseDate(Text(period.StartElement)), ParseDate(Text(period.EndElement))),
            FhirDateTime at => (ParseDate(Text(at)), null),
            _ => (null, (DateOnly?)null),
        };
        var status = Text(r.StatusElement);
        state.Therapies.Add(new Therapy
        {
            Name = known?.Name ?? lower,
            Kind = isRadiotherapy ? TherapyKind.Radiotherapy : known?.Kind == "procedure" ? TherapyKind.Procedure : TherapyKind.Surgery,
            StartedOn = start,
            EndedOn = end,
            IsCurrent = status == "in-progress" ? true : null,
            Certainty = status switch
            {
                "in-progress" => Certainty.Asserted,
                "not-done" => Certainty.Negated,
                "preparation" => Certainty.Hypothetical,
                _ => Certainty.Historical,
            },
        });
    }

    private static BiomarkerStatus? StatusOf(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null => null,
        var v when v.Contains("negative", StringComparison.Ordinal) || v.Contains("not detected", StringComparison.Ordinal) || v == "absent" => BiomarkerStatus.Negative,
        var v when v.Contains("equivocal", StringComparison.Ordinal) || v.Contains("indeterminate", StringComparison.Ordinal) => BiomarkerStatus.Equivocal,
        var v when v.Contains("wild", StringComparison.Ordinal) => BiomarkerStatus.WildType,
        var v when v.Contains("low", StringComparison.Ordinal) => BiomarkerStatus.Low,
        var v when v.Contains("positive", StringComparison.Ordinal) || v.Contains("detected", StringComparison.Ordinal) || v == "present" || v.EndsWith('+') => BiomarkerStatus.Positive,
        _ => null,
    };

    private static (decimal Value, string? Unit)? Quantity(DataType? value) => value switch
    {
        Hl7.Fhir.Model.Quantity { Value: { } v } q => (v, Text(q.UnitElement) ?? Text(q.CodeElement)),
        Integer { Value: { } i } => (i, null),
        _ => null,
    };

    /// <summary>A value as words: a concept's text or display (or the meaning of its result code), a string, a boolean.</summary>
    private static string? ValueText(DataType? value) => value switch
    {
        CodeableConcept concept => ConceptText(concept) is { } t ? Clean(t) : Codes(concept).Select(c => McodeCodes.ResultCodes.GetValueOrDefault(c.Code)).OfType<string>().FirstOrDefault(),
        FhirString s => Text(s),
        FhirBoolean { Value: { } b } => b ? "positive" : "negative",
        _ => null,
    };

    private static string? Focus(Observation r)
    {
        var reference = r.Focus.Concat(r.HasMember).Select(f => Text(f.ReferenceElement)).OfType<string>().FirstOrDefault();
        return reference?[(reference.LastIndexOfAny(['/', ':']) + 1)..];
    }

    private static string? HistologyText(Condition r) =>
        r.Extension.Where(e => e.Url?.Contains("histology", StringComparison.OrdinalIgnoreCase) == true)
            .Select(e => e.Value as CodeableConcept).OfType<CodeableConcept>()
            .Select(ConceptText).OfType<string>().Select(Clean).FirstOrDefault();

    private static List<string> Profiles(Resource r) => r.Meta?.ProfileElement.Select(p => Text(p)).OfType<string>().ToList() ?? [];

    /// <summary>A concept's text, else its first coding's display, without the SNOMED CT semantic tag.</summary>
    private static string? ConceptText(CodeableConcept? concept)
    {
        if (concept is null)
        {
            return null;
        }

        var text = Text(concept.TextElement) ?? Codes(concept).Select(c => c.Display).OfType<string>().FirstOrDefault();
        return text is null ? null : Clean(text);
    }

    private static IEnumerable<(string? System, string Code, string? Display)> Codes(CodeableConcept? concept) =>
        concept?.Coding.Where(c => c is not null && Text(c.CodeElement) is not null).Select(c => (Text(c.SystemElement), Text(c.CodeElement)!, Text(c.DisplayElement))) ?? [];

    /// <summary>The first code of the concept, from <paramref name="system"/> when given.</summary>
    private static string? Code(CodeableConcept? concept, string? system = null) =>
        Codes(concept).Where(c => system is null || c.System == system).Select(c => c.Code).FirstOrDefault();

    private static bool IsLoincShaped(string code) => LoincCode().IsMatch(code);

    [GeneratedRegex(@"^\d{1,7}-\d$", RegexOptions.CultureInvariant)]
    private static partial Regex LoincCode();

    /// <summary>Removes a SNOMED CT semantic tag ("(disorder)", "(qualifier value)") and trims.</summary>
    private static string Clean(string text) => SemanticTag().Replace(text, "").Trim();

    [GeneratedRegex(@"\s*\((?:disorder|finding|qualifier value|procedure|body structure|morphologic abnormality|situation|observable entity|regime/therapy)\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SemanticTag();

    /// <summary>A primitive's value as text, whatever JSON type the sender used; null when absent or blank.</summary>
    private static string? Text(PrimitiveType? element) => element?.JsonValue switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    /// <summary>A FHIR date or dateTime ("2024", "2024-03", "2024-03-05", "2024-03-05T10:00:00Z"); partial dates take the first day.</summary>
    private static DateOnly? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var datePart = text.Length >= 10 ? text[..10] : text;
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        return DateOnly.TryParseExact(datePart, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    /// <summary>What has been read so far from one bundle.</summary>
    private sealed class BundleState
    {
        private readonly List<(string? Focus, string Part, string Value)> _stages = [];

        public List<PatientIntakeIssue> Warnings { get; } = [];

        public bool SawPatient { get; set; }

        public bool CompleteHistory { get; set; }

        public string? Id { get; set; }

        public DateOnly? BirthDate { get; set; }

        public PatientSex? Sex { get; set; }

        public PatientLocation? Location { get; set; }

        public List<(string? Id, Diagnosis Diagnosis)> Diagnoses { get; } = [];

        public List<MetastaticSite> Metastases { get; } = [];

        public List<Biomarker> Biomarkers { get; } = [];

        public List<PerformanceStatus> Performance { get; } = [];

        public List<Therapy> Therapies { get; } = [];

        public List<LabResult> Labs { get; } = [];

        public List<PatientCondition> Conditions { get; } = [];

        public List<DiseaseSetting> Settings { get; } = [];

        public void Warn(string? field, string message) => Warnings.Add(new PatientIntakeIssue(field, message));

        public void AddStage(string? focus, string part, string value) => _stages.Add((focus, part, value));

        public PatientProfile ToProfile(string? bundleId)
        {
            var diagnoses = Diagnoses.Select(d => d.Diagnosis).ToList();
            foreach (var group in _stages.GroupBy(s => s.Focus))
            {
                var at = group.Key is null ? -1 : Diagnoses.FindIndex(d => d.Id == group.Key);
                if (at < 0)
                {
                    // Unattached or pointing at a Condition not in the bundle: the primary cancer, as senders mean it.
                    at = diagnoses.FindIndex(d => d.IsPrimary);
                }

                if (at < 0)
                {
                    Warn(null, "Stage observations were found but no cancer Condition to attach them to.");
                    continue;
                }

                var stage = diagnoses[at].Stage ?? new Stage();
                foreach (var (_, part, value) in group)
                {
                    stage = part switch
                    {
                        "group" => stage with { Group = value, Metastatic = Stage.GroupSaysMetastatic(value) ?? stage.Metastatic },
                        "T" => stage with { T = value },
                        "N" => stage with { N = value },
                        _ => stage with { M = value, Metastatic = value.Contains("M1", StringComparison.OrdinalIgnoreCase) ? true : stage.Metastatic },
                    };
                }

                diagnoses[at] = diagnoses[at] with { Stage = stage };
            }

            return new PatientProfile
            {
                Id = Id ?? bundleId,
                BirthDate = BirthDate,
                Sex = Sex is { } sex ? new Fact<PatientSex>(sex) : null,
                Diagnoses = diagnoses,
                Metastases = Metastases,
                Biomarkers = Biomarkers,
                PerformanceStatuses = Performance,
                Therapies = Therapies,
                LabResults = Labs,
                Conditions = Conditions,
                Location = Location,
                CompleteHistory = CompleteHistory,
                Settings = [.. Settings.Distinct().Select(setting => new SettingStatement(setting))],
            };
        }
    }
}
