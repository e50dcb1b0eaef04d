using System.Globalization;
using System.Text.Json;
using TrialAccess.Patients.Notes;
using TrialAccess.Trials;

namespace TrialAccess.Patients.Fhir;

/// <summary>
/// Reads a FHIR R4 Bundle (JSON) with mCODE-style resources into a <see cref="PatientProfile"/>: Patient, Condition
/// (primary and secondary cancer, comorbidities), Observation (stage, tumour markers, genomic variants, ECOG/Karnofsky,
/// laboratory results by LOINC), MedicationStatement/Administration/Request and Procedure. Resources of other types,
/// and observations it cannot place, are skipped with a warning naming the entry; they never fail the bundle.
/// </summary>
public static class FhirBundleReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, MaxDepth = 128 };

    public static PatientIntakeResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            return PatientIntakeResult.Failure(PatientInputKind.FhirBundle, $"Not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }

        using (document)
        {
            var root = document.RootElement;
            var type = Str(root, "resourceType");
            if (type != "Bundle")
            {
                return PatientIntakeResult.Failure(PatientInputKind.FhirBundle, [new PatientIntakeIssue("resourceType", $"is '{type}'; only a Bundle of resources is read (wrap a single resource in a Bundle).")]);
            }

            if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                return PatientIntakeResult.Failure(PatientInputKind.FhirBundle, [new PatientIntakeIssue("entry", "is missing: the bundle has no resources.")]);
            }

            var state = new BundleState();
            var index = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var path = $"entry[{index++}]";
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object)
                {
                    state.Warn(path, "has no resource; skipped.");
                    continue;
                }

                try
                {
                    ReadResource(resource, path + ".resource", state);
                }
                catch (InvalidOperationException)
                {
                    // A property of the wrong JSON shape deep inside a resource (an object where an array belongs).
                    state.Warn(path + ".resource", "has a property of the wrong JSON shape; skipped.");
                }
            }

            if (!state.SawPatient)
            {
                state.Warn(null, "The bundle has no Patient resource; birth date and sex are unknown.");
            }

            return PatientIntakeResult.Success(PatientInputKind.FhirBundle, state.ToProfile(Str(root, "id")), state.Warnings);
        }
    }

    private static void ReadResource(JsonElement resource, string path, BundleState state)
    {
        var type = Str(resource, "resourceType");
        switch (type)
        {
            case "Patient":
                ReadPatient(resource, path, state);
                break;
            case "Condition":
                ReadCondition(resource, path, state);
                break;
            case "Observation":
                ReadObservation(resource, path, state);
                break;
            case "MedicationStatement" or "MedicationAdministration" or "MedicationRequest":
                ReadMedication(resource, path, state);
                break;
            case "Procedure":
                ReadProcedure(resource, path, state);
                break;
            case null:
                state.Warn(path + ".resourceType", "is missing; entry skipped.");
                break;
            default:
                state.Warn(path, $"resource type '{type}' is not read; skipped.");
                break;
        }
    }

    private static void ReadPatient(JsonElement r, string path, BundleState state)
    {
        if (state.SawPatient)
        {
            state.Warn(path, "is a second Patient; only the first is read.");
            return;
        }

        state.SawPatient = true;
        state.Id ??= Str(r, "id");
        if (Str(r, "birthDate") is { } birth)
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

        state.Sex = Str(r, "gender") switch
        {
            "female" => PatientSex.Female,
            "male" => PatientSex.Male,
            "other" => PatientSex.Other,
            _ => null,
        };

        if (r.TryGetProperty("address", out var addresses) && addresses.ValueKind == JsonValueKind.Array && addresses.GetArrayLength() > 0)
        {
            var address = addresses[0];
            GeoPoint? point = null;
            if (address.TryGetProperty("extension", out var extensions) && extensions.ValueKind == JsonValueKind.Array)
            {
                foreach (var extension in extensions.EnumerateArray())
                {
                    if (Str(extension, "url")?.EndsWith("geolocation", StringComparison.Ordinal) == true && extension.TryGetProperty("extension", out var parts))
                    {
                        double? lat = null, lon = null;
                        foreach (var part in parts.EnumerateArray())
                        {
                            var value = part.TryGetProperty("valueDecimal", out var v) && v.TryGetDouble(out var d) ? d : (double?)null;
                            if (Str(part, "url") == "latitude")
                            {
                                lat = value;
                            }
                            else if (Str(part, "url") == "longitude")
                            {
                                lon = value;
                            }
                        }

                        if (lat is { } la && lon is { } lo && GeoPoint.IsValid(la, lo))
                        {
                            point = new GeoPoint(la, lo);
                        }
                    }
                }
            }

            var place = string.Join(", ", new[] { Str(address, "city"), Str(address, "state"), Str(address, "country") }.OfType<string>());
            var postal = Str(address, "postalCode");
            if (point is not null || place.Length > 0 || postal is not null)
            {
                state.Location = new PatientLocation(point, place.Length > 0 ? place : null, postal);
            }
        }
    }

    private static void ReadCondition(JsonElement r, string path, BundleState state)
    {
        var text = ConceptText(r, "code");
        if (text is null)
        {
            state.Warn(path + ".code", "has no text or display; Condition skipped.");
            return;
        }

        var certainty = ConditionCertainty(r);
        var onset = Str(r, "onsetDateTime") is { } o ? ParseDate(o) : null;
        var profiles = Profiles(r);
        if (profiles.Any(p => p.Contains("secondary-cancer-condition", StringComparison.Ordinal)))
        {
            var site = ConceptText(r, "bodySite") ?? text;
            var known = NoteLexicon.Default.Find(NoteText.Tokenize(site, 0, site.Length), LexiconKind.MetastaticSite).FirstOrDefault();
            state.Metastases.Add(new MetastaticSite { Site = known.Entry?.Canonical ?? site.ToLowerInvariant(), Certainty = certainty });
            return;
        }

        var cancer = NoteLexicon.Default.Find(NoteText.Tokenize(text, 0, text.Length), LexiconKind.Cancer).FirstOrDefault().Entry;
        var isPrimaryProfile = profiles.Any(p => p.Contains("primary-cancer-condition", StringComparison.Ordinal));
        if (isPrimaryProfile || cancer is not null)
        {
            state.Diagnoses.Add((Str(r, "id"), new Diagnosis
            {
                Text = text,
                OncoTreeCode = OncoTreeCode(r) ?? cancer?.Extra,
                Histology = HistologyText(r) ?? cancer?.Detail,
                IsPrimary = isPrimaryProfile || certainty != Certainty.Historical,
                DiagnosedOn = onset,
                Certainty = certainty,
            }));
            return;
        }

        var concept = NoteLexicon.Default.Find(NoteText.Tokenize(text, 0, text.Length), LexiconKind.Condition).FirstOrDefault().Entry;
        state.Conditions.Add(new Condition { Text = text, Concept = concept?.Canonical ?? Code(r, "code"), Certainty = certainty, OnsetOn = onset });
    }

    private static Certainty ConditionCertainty(JsonElement r)
    {
        var verification = FirstCode(r, "verificationStatus");
        if (verification is "refuted" or "entered-in-error")
        {
            return Certainty.Negated;
        }

        if (verification is "provisional" or "differential")
        {
            return Certainty.Hypothetical;
        }

        return FirstCode(r, "clinicalStatus") is "resolved" or "inactive" or "remission" ? Certainty.Historical : Certainty.Asserted;
    }

    private static void ReadObservation(JsonElement r, string path, BundleState state)
    {
        var loinc = Code(r, "code", "http://loinc.org");
        var text = ConceptText(r, "code") ?? "";
        var date = Str(r, "effectiveDateTime") is { } d ? ParseDate(d) : null;
        var profiles = Profiles(r);
        var lower = text.ToLowerInvariant();
        if (Str(r, "status") is "entered-in-error" or "cancelled")
        {
            state.Warn(path, $"status '{Str(r, "status")}'; skipped.");
            return;
        }

        if (loinc == "89247-1" || lower.Contains("ecog", StringComparison.Ordinal))
        {
            AddPerformance(r, path, state, PerformanceScale.Ecog, 0, 5, date);
            return;
        }

        if (loinc == "89243-0" || lower.Contains("karnofsky", StringComparison.Ordinal))
        {
            AddPerformance(r, path, state, PerformanceScale.Karnofsky, 0, 100, date);
            return;
        }

        if (FhirCodes.StageParts.TryGetValue(loinc ?? "", out var part) || profiles.Any(p => p.Contains("stage-group", StringComparison.Ordinal)) && (part = "group") is not null)
        {
            var value = ValueText(r);
            if (value is null)
            {
                state.Warn(path + ".value", "a stage observation needs a value; skipped.");
                return;
            }

            state.AddStage(Focus(r), part, value);
            return;
        }

        if (loinc == "69548-6" || profiles.Any(p => p.Contains("genomic-variant", StringComparison.Ordinal)))
        {
            ReadVariant(r, path, state);
            return;
        }

        if (FhirCodes.Markers.TryGetValue(loinc ?? "", out var marker) || profiles.Any(p => p.Contains("tumor-marker", StringComparison.Ordinal)) && (marker = MarkerFromText(text)) is not null)
        {
            var status = StatusOf(ValueText(r));
            var quantity = Quantity(r);
            if (status is null && quantity is null)
            {
                state.Warn(path + ".value", $"tumour marker {marker} has no readable result; skipped.");
                return;
            }

            state.Biomarkers.Add(new Biomarker { Marker = marker, Status = status ?? BiomarkerStatus.Positive, Value = quantity?.Value, Unit = quantity?.Unit });
            return;
        }

        var lab = FhirCodes.Labs.TryGetValue(loinc ?? "", out var analyte) ? analyte : null;
        if (lab is null && Categories(r).Contains("laboratory"))
        {
            lab = NoteLexicon.Default.Find(NoteText.Tokenize(text, 0, text.Length), LexiconKind.LabAnalyte).FirstOrDefault().Entry?.Canonical ?? (text.Length > 0 ? text.ToLowerInvariant() : null);
        }

        if (lab is not null)
        {
            if (Quantity(r) is not { } q)
            {
                state.Warn(path + ".valueQuantity", $"laboratory result '{lab}' has no numeric value; skipped.");
                return;
            }

            var normalised = LabExtractor.Normalise(lab, q.Value, q.Unit) ?? (q.Value, q.Unit);
            decimal? upper = null;
            if (r.TryGetProperty("referenceRange", out var ranges) && ranges.ValueKind == JsonValueKind.Array && ranges.GetArrayLength() > 0
                && ranges[0].TryGetProperty("high", out var high) && high.TryGetProperty("value", out var hv) && hv.TryGetDecimal(out var h))
            {
                upper = LabExtractor.Normalise(lab, h, q.Unit)?.Value ?? h;
            }

            state.Labs.Add(new LabResult { Analyte = lab, Value = normalised.Value, Unit = normalised.Unit, UpperLimitOfNormal = upper, LoincCode = loinc, MeasuredOn = date });
            return;
        }

        state.Warn(path + ".code", $"observation '{(text.Length > 0 ? text : loinc ?? "without code")}' is not one TrialAccess reads; skipped.");
    }

    private static void AddPerformance(JsonElement r, string path, BundleState state, PerformanceScale scale, int min, int max, DateOnly? date)
    {
        int? value = r.TryGetProperty("valueInteger", out var vi) && vi.TryGetInt32(out var i) ? i : null;
        if (value is null && ValueText(r) is { } t)
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

    private static void ReadVariant(JsonElement r, string path, BundleState state)
    {
        string? gene = null, change = null;
        if (r.TryGetProperty("component", out var components) && components.ValueKind == JsonValueKind.Array)
        {
            foreach (var component in components.EnumerateArray())
            {
                var code = Code(component, "code", "http://loinc.org");
                var value = ConceptText(component, "valueCodeableConcept") ?? Str(component, "valueString");
                switch (code)
                {
                    case "48018-6":
                        gene = value;
                        break;
                    case "48005-3" or "81252-9" or "48004-6" or "81290-9":
                        change ??= value;
                        break;
                }
            }
        }

        if (gene is null)
        {
            state.Warn(path + ".component", "a genomic variant needs a gene studied (LOINC 48018-6); skipped.");
            return;
        }

        var present = ValueText(r)?.ToLowerInvariant() switch
        {
            "absent" or "not detected" or "negative" => false,
            _ => true,
        };
        var marker = NoteLexicon.Default.Lookup(LexiconKind.Marker, gene)?.Canonical ?? gene.ToUpperInvariant();
        state.Biomarkers.Add(new Biomarker { Marker = marker, Alteration = present ? change : null, Status = present ? BiomarkerStatus.Positive : BiomarkerStatus.Negative });
    }

    private static void ReadMedication(JsonElement r, string path, BundleState state)
    {
        var name = ConceptText(r, "medicationCodeableConcept") ?? (r.TryGetProperty("medicationReference", out var reference) ? Str(reference, "display") : null);
        if (name is null)
        {
            state.Warn(path + ".medicationCodeableConcept", "has no drug name; skipped.");
            return;
        }

        var drug = NoteLexicon.Default.Find(NoteText.Tokenize(name, 0, name.Length), LexiconKind.Drug).FirstOrDefault().Entry;
        var status = Str(r, "status");
        var (start, end) = Period(r, "effectivePeriod");
        start ??= Str(r, "effectiveDateTime") is { } e ? ParseDate(e) : null;
        state.Therapies.Add(new Therapy
        {
            Name = drug?.Canonical ?? name.ToLowerInvariant(),
            Kind = TherapyKind.Drug,
            Classes = drug?.Extra?.Split(',', StringSplitOptions.TrimEntries) ?? [],
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

    private static void ReadProcedure(JsonElement r, string path, BundleState state)
    {
        var text = ConceptText(r, "code");
        if (text is null)
        {
            state.Warn(path + ".code", "has no text or display; Procedure skipped.");
            return;
        }

        var known = NoteLexicon.Default.Find(NoteText.Tokenize(text, 0, text.Length), LexiconKind.Procedure).FirstOrDefault().Entry;
        var lower = text.ToLowerInvariant();
        var isRadiotherapy = known?.Extra == "radiotherapy" || lower.Contains("radiation", StringComparison.Ordinal) || lower.Contains("radiotherapy", StringComparison.Ordinal)
            || Profiles(r).Any(p => p.Contains("radiotherapy", StringComparison.Ordinal));
        var (start, end) = Period(r, "performedPeriod");
        start ??= Str(r, "performedDateTime") is { } p ? ParseDate(p) : null;
        var status = Str(r, "status");
        state.Therapies.Add(new Therapy
        {
            Name = known?.Canonical ?? lower,
            Kind = isRadiotherapy ? TherapyKind.Radiotherapy : known?.Extra == "procedure" ? TherapyKind.Procedure : TherapyKind.Surgery,
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

    private static string? MarkerFromText(string text) =>
        NoteLexicon.Default.Find(NoteText.Tokenize(text, 0, text.Length), LexiconKind.Marker).FirstOrDefault().Entry?.Canonical;

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

    private static (decimal Value, string? Unit)? Quantity(JsonElement r)
    {
        if (r.TryGetProperty("valueQuantity", out var q) && q.TryGetProperty("value", out var v) && v.TryGetDecimal(out var value))
        {
            return (value, Str(q, "unit") ?? Str(q, "code"));
        }

        return r.TryGetProperty("valueInteger", out var i) && i.TryGetDecimal(out var integer) ? (integer, null) : null;
    }

    private static string? ValueText(JsonElement r) =>
        ConceptText(r, "valueCodeableConcept") ?? Str(r, "valueString") ?? (r.TryGetProperty("valueBoolean", out var b) && b.ValueKind is JsonValueKind.True or JsonValueKind.False ? (b.GetBoolean() ? "positive" : "negative") : null);

    private static string? Focus(JsonElement r)
    {
        foreach (var name in new[] { "focus", "hasMember" })
        {
            if (r.TryGetProperty(name, out var refs) && refs.ValueKind == JsonValueKind.Array && refs.GetArrayLength() > 0 && Str(refs[0], "reference") is { } reference)
            {
                return reference[(reference.LastIndexOf('/') + 1)..];
            }
        }

        return null;
    }

    private static string? OncoTreeCode(JsonElement r) => Code(r, "code", "http://oncotree.mskcc.org") ?? Code(r, "code", "http://oncotree.info");

    private static string? HistologyText(JsonElement r)
    {
        if (r.TryGetProperty("extension", out var extensions) && extensions.ValueKind == JsonValueKind.Array)
        {
            foreach (var extension in extensions.EnumerateArray())
            {
                if (Str(extension, "url")?.Contains("histology", StringComparison.OrdinalIgnoreCase) == true)
                {
                    return ConceptText(extension, "valueCodeableConcept");
                }
            }
        }

        return null;
    }

    private static List<string> Profiles(JsonElement r) =>
        r.TryGetProperty("meta", out var meta) && meta.TryGetProperty("profile", out var profiles) && profiles.ValueKind == JsonValueKind.Array
            ? profiles.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!).ToList()
            : [];

    private static List<string> Categories(JsonElement r)
    {
        var list = new List<string>();
        if (r.TryGetProperty("category", out var categories) && categories.ValueKind == JsonValueKind.Array)
        {
            foreach (var category in categories.EnumerateArray())
            {
                if (category.TryGetProperty("coding", out var codings) && codings.ValueKind == JsonValueKind.Array)
                {
                    list.AddRange(codings.EnumerateArray().Select(c => Str(c, "code")).OfType<string>());
                }
            }
        }

        return list;
    }

    private static (DateOnly? Start, DateOnly? End) Period(JsonElement r, string name) =>
        r.TryGetProperty(name, out var period) && period.ValueKind == JsonValueKind.Object
            ? (Str(period, "start") is { } s ? ParseDate(s) : null, Str(period, "end") is { } e ? ParseDate(e) : null)
            : (null, null);

    /// <summary>The text of a CodeableConcept property: its text, else the first coding's display.</summary>
    private static string? ConceptText(JsonElement r, string name)
    {
        if (!r.TryGetProperty(name, out var concept))
        {
            return null;
        }

        if (concept.ValueKind == JsonValueKind.Array)
        {
            concept = concept.GetArrayLength() > 0 ? concept[0] : default;
        }

        if (concept.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (Str(concept, "text") is { } text)
        {
            return text;
        }

        return concept.TryGetProperty("coding", out var codings) && codings.ValueKind == JsonValueKind.Array
            ? codings.EnumerateArray().Select(c => Str(c, "display")).OfType<string>().FirstOrDefault()
            : null;
    }

    private static string? Code(JsonElement r, string name, string? system = null)
    {
        if (!r.TryGetProperty(name, out var concept) || concept.ValueKind != JsonValueKind.Object || !concept.TryGetProperty("coding", out var codings) || codings.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return codings.EnumerateArray().Where(c => system is null || Str(c, "system") == system).Select(c => Str(c, "code")).OfType<string>().FirstOrDefault();
    }

    private static string? FirstCode(JsonElement r, string name) => Code(r, name);

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;

    /// <summary>A FHIR date or dateTime ("2024", "2024-03", "2024-03-05", "2024-03-05T10:00:00Z"); partial dates take the first day.</summary>
    private static DateOnly? ParseDate(string text)
    {
        var datePart = text.Length >= 10 ? text[..10] : text;
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        return DateOnly.TryParseExact(datePart, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    /// <summary>What has been read so far from one bundle.</summary>
    private sealed class BundleState
    {
        public List<PatientIntakeIssue> Warnings { get; } = [];

        public bool SawPatient { get; set; }

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

        public List<Condition> Conditions { get; } = [];

        private readonly List<(string? Focus, string Part, string Value)> _stages = [];

        public void Warn(string? field, string message) => Warnings.Add(new PatientIntakeIssue(field, message));

        public void AddStage(string? focus, string part, string value) => _stages.Add((focus, part, value));

        public PatientProfile ToProfile(string? bundleId)
        {
            var diagnoses = Diagnoses.Select(d => d.Diagnosis).ToList();
            foreach (var group in _stages.GroupBy(s => s.Focus))
            {
                var at = group.Key is null ? diagnoses.FindIndex(d => d.IsPrimary) : Diagnoses.FindIndex(d => d.Id == group.Key);
                if (at < 0)
                {
                    Warn(null, group.Key is null ? "Stage observations were found but no cancer Condition to attach them to." : $"Stage observations refer to Condition/{group.Key}, which is not in the bundle.");
                    continue;
                }

                var stage = diagnoses[at].Stage ?? new Stage();
                foreach (var (_, part, value) in group)
                {
                    stage = part switch
                    {
                        "group" when StageGroup.TryNormalise(value.Replace("Stage", "", StringComparison.OrdinalIgnoreCase), out var g) => stage with { Group = g, Metastatic = g.StartsWith("IV", StringComparison.Ordinal) ? true : stage.Metastatic },
                        "group" => stage,
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
            };
        }
    }
}
