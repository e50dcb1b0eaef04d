using System.Collections.Concurrent;
using System.Buffers;
using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;
using TrialAccess.Vocabulary;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>What a prior-therapy constraint names.</summary>
public enum TherapyAgentKind
{
    /// <summary>A drug or regimen by name ("pembrolizumab", "FOLFOX").</summary>
    Drug,

    /// <summary>A drug class ("platinum", "anti-PD-1", "EGFR TKI", "systemic therapy").</summary>
    DrugClass,

    /// <summary>A modality: radiotherapy, surgery or transplant.</summary>
    Modality,
}

/// <summary>
/// Prior or current treatment: a drug, class or modality; "at least N prior lines"; "refractory to"; and washouts
/// ("within 4 weeks before the first dose").
/// </summary>
/// <param name="Agent">Drug name, class name or modality ("radiotherapy", "surgery", "stem cell transplant"); "systemic therapy" for line counts.</param>
/// <param name="MinimumLines">"At least N prior lines", or null.</param>
/// <param name="MaximumLines">"No more than N prior lines", or null.</param>
/// <param name="Refractory">True for "refractory to", "progressed on", "resistant to", "failed".</param>
/// <param name="WithinDays">The washout: the constraint is about therapy within this many days before enrolment.</param>
/// <param name="Current">True when about ongoing or concurrent treatment.</param>
/// <remarks><see cref="SystemicOnly"/>: the criterion names a systemic route ("systemic, oral or depot corticosteroids"),
/// which an inhaled, nasal or topical use of the drug does not meet.</remarks>
public sealed partial record PriorTherapyConstraint(string Agent, TherapyAgentKind AgentKind, int? MinimumLines = null, int? MaximumLines = null, bool Refractory = false, int? WithinDays = null, bool Current = false) : EligibilityConstraint
{
    public override ConstraintKind Kind => ConstraintKind.PriorTherapy;

    public bool SystemicOnly { get; init; }

    /// <summary>
    /// A rule about the dose of a drug the patient may be taking ("Corticosteroid must be maintained at a constant dose
    /// during study", "on a stable dose of steroids"): it asks nothing of a patient who is not taking it, and of one who
    /// is, whether the dose is stable.
    /// </summary>
    public bool StableDoseIfTaken { get; init; }

    /// <summary>
    /// Agents the criterion excepts from this one ("antibiotics other than metronidazole or vancomycin"): a recorded
    /// therapy that is one of them does not meet the constraint.
    /// </summary>
    public IReadOnlyList<string> Except { get; init; } = [];

    /// <summary>
    /// The condition a treatment outside cancer care was given for ("antibacterials aiming at CDAD treatment",
    /// "antibiotics for pneumonia"): a record that names the drug without why it was given leaves that a question.
    /// </summary>
    public string? Purpose { get; init; }

    /// <summary>
    /// A dose the rule is about ("&lt; 300 mg/m2", "&gt;= 300 mg/day"): "more than 300 mg/m2 of doxorubicin", "cumulative
    /// doses of &lt; 450 mg/m2 prior epirubicin". A record that names the drug rarely gives its dose, so having had it
    /// leaves the dose a question; not having had it is a dose of none.
    /// </summary>
    public string? DoseLimit { get; init; }

    /// <summary>True when <see cref="DoseLimit"/> is an upper bound ("&lt; 300 mg/m2", "no more than"), which none satisfies.</summary>
    public bool DoseBelow { get; init; }

    /// <summary>
    /// For "surgery": the kind or site the criterion names before the word ("carpal tunnel release surgery", "prostatic
    /// surgery", "GI surgery", "emergency operation"). A recorded operation named otherwise (a cesarean section, a
    /// coronary bypass) leaves whether it was that operation a question instead of meeting the rule.
    /// </summary>
    public string? Operation { get; init; }

    /// <summary>
    /// For "radiotherapy": the field the criterion names ("total body irradiation", "radiotherapy to the pelvis"). A
    /// recorded radiotherapy whose name does not say that field leaves whether it was to that field a question: focal
    /// radiotherapy to a tumour bed is not total body irradiation.
    /// </summary>
    public string? Field { get; init; }

    /// <summary>
    /// True when the rule is about treatment for advanced disease ("no prior chemotherapy for metastatic disease"): a
    /// recorded treatment given without a line in the advanced setting may have been adjuvant, so that is a question.
    /// </summary>
    public bool ForAdvancedDisease { get; init; }

    public override string Describe()
    {
        var parts = new List<string>();
        if (MinimumLines is { } lo)
        {
            parts.Add($">= {lo} prior lines of");
        }

        if (MaximumLines is { } hi)
        {
            parts.Add($"<= {hi} prior lines of");
        }

        parts.Add(Refractory ? $"refractory to {Agent}" : Current ? $"current {Agent}" : $"prior {Agent}");
        if (WithinDays is { } days)
        {
            parts.Add($"within {days} days");
        }

        if (DoseLimit is { } dose)
        {
            parts.Add($"(dose {dose})");
        }

        if (Field is { } field)
        {
            parts.Add($"(field: {field})");
        }

        if (ForAdvancedDisease)
        {
            parts.Add("for advanced disease");
        }

        return string.Join(' ', parts);
    }

    private static readonly ConcurrentDictionary<(string Agent, bool Current, int? WithinDays, bool Refractory, bool Complete), ConstraintCheck> NothingRecordedChecks = new();

    /// <summary>
    /// True when the agent is not one the vocabulary names but the criterion's own words ("use of hemp oil", "treatment
    /// with teriparatide"), read by <see cref="UnlistedConceptParser"/>: it never counts against the patient (see
    /// <see cref="UnlistedConcepts"/>).
    /// </summary>
    public bool Unlisted { get; init; }

    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context) =>
        Unlisted
            ? UnlistedConcepts.InPatientsFavour(this, CheckListed(patient, context), patient, Agent, $"Has the patient {(Current ? "currently" : "ever")} received {Agent}?")
            : DoseLimit is null ? CheckListed(patient, context) : CheckDose(CheckListed(patient, context));

    /// <summary>The sex an operation is done on, or null when either ("hysterectomy": women; "vasectomy": men).</summary>
    /// <remarks>Runs on every check of a modality for every patient: only a named operation ("...ectomy") is matched.</remarks>
    private static PatientSex? SexSpecificOperation(string agent) =>
        !agent.EndsWith("ectomy", StringComparison.Ordinal) ? null
        : FemaleOperation().IsMatch(agent) ? PatientSex.Female : MaleOperation().IsMatch(agent) ? PatientSex.Male : null;

    [GeneratedRegex(@"hysterectomy|oophorectomy|salpingectomy|ovariectomy", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FemaleOperation();

    [GeneratedRegex(@"vasectomy|orchiectomy|orchidectomy|prostatectomy", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaleOperation();

    /// <summary>
    /// A rule on a dose (cumulative, daily or stable): the drug received leaves the dose a question; none received is a dose of none, which
    /// an upper bound admits and a lower bound does not.
    /// </summary>
    private ConstraintCheck CheckDose(ConstraintCheck received) => received.Outcome switch
    {
        CriterionOutcome.Met when AgentKind == TherapyAgentKind.Modality => ConstraintCheck.Unknown($"How much of the body did the patient's {Agent} cover? (trial: {DoseLimit})", $"{received.Evidence}, extent not recorded"),
        CriterionOutcome.Met => ConstraintCheck.Unknown($"What dose of {Agent} has the patient received? (trial: {DoseLimit})", $"{received.Evidence}, dose not recorded"),
        CriterionOutcome.NotMet when DoseBelow => received with { Outcome = CriterionOutcome.Met, Evidence = $"{received.Evidence} ({(AgentKind == TherapyAgentKind.Modality ? "none" : "a dose of none")}, within {DoseLimit})" },
        _ => received,
    };

    private ConstraintCheck CheckListed(PatientProfile patient, EvaluationContext context)
    {
        // "Surgically sterile (hysterectomy, bilateral oophorectomy)" asked of a man, "vasectomy" of a woman: an
        // operation the patient's sex cannot have had says nothing of the patient.
        if (AgentKind == TherapyAgentKind.Modality && patient.Sex?.Value is { } sex && SexSpecificOperation(Agent) is { } only && only != sex)
        {
            return ConstraintCheck.NotApplicable($"{(sex == PatientSex.Male ? "a man" : "a woman")}: {Agent} does not apply");
        }

        if (MinimumLines is not null || MaximumLines is not null)
        {
            const string LinesQuestion = "How many prior lines of systemic therapy has the patient had?";
            var drugs = patient.Therapies
                .Where(t => t.Kind == TherapyKind.Drug && t.Certainty is Certainty.Asserted or Certainty.Historical && context.Vocabulary.Drugs.IsAnticancer(t.Name, t.Classes) == true)
                .ToList();
            if (drugs.Count == 0)
            {
                // A complete history that names no cancer drug presumes none: zero prior lines.
                return patient.CompleteHistory
                    ? ConstraintCheck.Of((MinimumLines ?? 0) <= 0, "no cancer therapy recorded: presumed none (0 prior lines), confirm") with { Presumed = true, Question = LinesQuestion }
                    : ConstraintCheck.Unknown(LinesQuestion, "no cancer therapies recorded");
            }

            if (drugs.Max(t => t.Line) is { } stated)
            {
                return ConstraintCheck.Of((MinimumLines is not { } min || stated >= min) && (MaximumLines is not { } max || stated <= max), $"{stated} prior line(s)");
            }

            // Lines counted from the recorded therapies are a floor (a note rarely lists them all): too many is known,
            // too few is not.
            var counted = drugs.Select(t => t.StartedOn).Distinct().Count();
            if (MaximumLines is { } most && counted > most)
            {
                return ConstraintCheck.NotMet($"at least {counted} prior line(s)");
            }

            return MaximumLines is null && MinimumLines is { } least && counted >= least
                ? ConstraintCheck.Met($"at least {counted} prior line(s)")
                : ConstraintCheck.Unknown(LinesQuestion, $"{drugs.Count} cancer therapies recorded, lines not stated");
        }

        // Most checks find nothing: the list and the question are made only when needed.
        List<Therapy>? relevant = null;
        foreach (var recorded in patient.Therapies)
        {
            if (recorded.Certainty != Certainty.Hypothetical && recorded.Certainty != Certainty.FamilyHistory && Matches(recorded, context.Vocabulary) && !IsExcepted(recorded, context.Vocabulary))
            {
                (relevant ??= []).Add(recorded);
            }
        }

        if (relevant is null && StableDoseIfTaken)
        {
            return ConstraintCheck.NotApplicable($"no {Agent} recorded: the rule is about its dose when taken");
        }

        if (relevant is null)
        {
            // A named operation against an operation the record does not name ("surgery", "tumor resection"): which one was it?
            if (AgentKind == TherapyAgentKind.Modality && Agent.EndsWith("ectomy", StringComparison.Ordinal)
                && patient.Therapies.FirstOrDefault(t => t.Kind == TherapyKind.Surgery && t.Certainty is not (Certainty.Negated or Certainty.Hypothetical or Certainty.FamilyHistory) && !t.Name.Contains("ectomy", StringComparison.OrdinalIgnoreCase)) is { } unnamed)
            {
                return ConstraintCheck.Unknown($"Was the patient's {unnamed.Name} a {Agent}?", unnamed.Name);
            }

            // That answer depends only on the constraint: made once for each agent and timing.
            return NothingRecordedChecks.GetOrAdd((Agent, Current, WithinDays, Refractory, patient.CompleteHistory), static key =>
            {
                var unknown = ConstraintCheck.Unknown(
                    $"Has the patient {(key.Current ? "currently" : key.WithinDays is { } d ? $"in the last {d} days" : "ever")} received {key.Agent}{(key.Refractory ? " and progressed on it" : string.Empty)}?",
                    $"no {key.Agent} in the recorded therapies");
                return key.Complete ? ConstraintCheck.PresumedAbsent($"{(key.Current ? "current " : "prior ")}{key.Agent}", unknown.Question!) : unknown;
            });
        }

        if (relevant.All(t => t.Certainty == Certainty.Negated))
        {
            return ConstraintCheck.NotMet($"never received {Agent} ({relevant[0].Name})");
        }

        var received = relevant.Where(t => t.Certainty != Certainty.Negated).ToList();
        var therapy = received[^1];

        // Criteria about vaccines name one kind and a season or interval ("seasonal influenza vaccine this year", "live
        // vaccines within 30 days"); a record that the patient was vaccinated rarely says which vaccine or when.
        if (AgentKind == TherapyAgentKind.Modality && Agent == "vaccine" && therapy.StartedOn is null && therapy.EndedOn is null)
        {
            return ConstraintCheck.Unknown("Which vaccine did the patient receive, and when?", therapy.Name);
        }

        var evidence = $"{therapy.Name}{(therapy.StartedOn is { } s ? $" from {s:yyyy-MM-dd}" : string.Empty)}{(therapy.EndedOn is { } e ? $" to {e:yyyy-MM-dd}" : therapy.IsCurrent == true ? ", ongoing" : string.Empty)}";
        var check = CheckReceived(received, evidence, context);
        if (Refractory && check.Outcome == CriterionOutcome.Unknown && !received.Exists(t => t.ProgressedOn == true)
            && PatientSetting.Treatment(patient) is { Value: TreatmentState.Responding or TreatmentState.FirstRemission } controlled)
        {
            // The disease is responding to, or in remission after, the treatment it had: it has not progressed on it.
            return new ConstraintCheck(CriterionOutcome.NotMet, $"{evidence}; the patient {controlled.Evidence}: no progression, presumed", check.Question) { Presumed = true };
        }
        if (check.Outcome == CriterionOutcome.Met && Operation is { } operation
            && !received.Exists(t => NamesTheOperation(t.Name, operation)))
        {
            return ConstraintCheck.Unknown($"Was the patient's {therapy.Name} the {operation} operation the criterion names?", evidence);
        }

        if (check.Outcome == CriterionOutcome.Met && ForAdvancedDisease && !received.Exists(t => t.Line is not null))
        {
            return ConstraintCheck.Unknown($"Was the patient's {therapy.Name} given for advanced or metastatic disease?", evidence);
        }

        if (check.Outcome == CriterionOutcome.Met && Field is { } field
            && !received.Exists(t => FieldWords(field).All(w => t.Name.Contains(w, StringComparison.OrdinalIgnoreCase) || t.Site?.Contains(w, StringComparison.OrdinalIgnoreCase) == true)))
        {
            return ConstraintCheck.Unknown($"Was the patient's {therapy.Name} given to the {field} field the criterion names?", evidence);
        }

        return check.Outcome == CriterionOutcome.Met && Purpose is { } purpose && context.Vocabulary.Drugs.IsAnticancer(therapy.Name, therapy.Classes) != true
            ? ConstraintCheck.Unknown($"Was the patient's {therapy.Name} given for {purpose}?", evidence)
            : check;
    }

    /// <summary>
    /// True when the recorded operation may be the one the criterion names: its name holds the words or the stem of one
    /// ("thyroidectomy" for "resection of thyroid tissue"), it is an operation on the organ named ("lumpectomy" for
    /// "breast surgery"), or it names no organ ("tumor resection", "Whipple"). A lumpectomy is not thyroid surgery, nor a
    /// caesarean an emergency operation: a question.
    /// </summary>
    private static bool NamesTheOperation(string name, string operation)
    {
        if (name.Contains(operation, StringComparison.OrdinalIgnoreCase) || UnplacedOperation().IsMatch(name))
        {
            return true;
        }

        if (!name.Contains("ectomy", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var words = operation.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var organ = OrganOperations.FirstOrDefault(o => name.Contains(o.Operation, StringComparison.OrdinalIgnoreCase)).Organs ?? [];
        return words.Any(w => w.Length >= 4 && (name.Contains(w[..Math.Min(5, w.Length)], StringComparison.OrdinalIgnoreCase)
            || organ.Any(o => w.StartsWith(o, StringComparison.OrdinalIgnoreCase))));
    }

    /// <summary>The stems of a field's words ("whole brain": "whole", "brain"; "pelvic": "pelvi").</summary>
    private static IEnumerable<string> FieldWords(string field) =>
        field.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("and" or "field")).Select(w => w.Length > 5 ? w[..5] : w);

    /// <summary>An operation named without its organ ("tumor resection", "surgical resection", "Whipple", "conization").</summary>
    [GeneratedRegex(@"^(?:(?:tumou?r|surgical|complete|partial|local|wide)\s+)?(?:resection|excision)$|whipple|conization", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnplacedOperation();

    /// <summary>Operations whose name does not hold their organ's stem, with the stems of the organ's words.</summary>
    private static readonly (string Operation, string[] Organs)[] OrganOperations =
    [
        ("lumpectomy", ["breast", "mamm"]), ("mastectomy", ["breast", "mamm"]), ("nephrectomy", ["kidney", "renal"]),
        ("hysterectomy", ["uter", "gyn"]), ("oophorectomy", ["ovar", "gyn"]), ("colectomy", ["colo", "bowel", "intestin", "abdomin", "gastrointestinal", "gi"]),
        ("gastrectomy", ["stomach", "gastr", "abdomin", "gi"]), ("cystectomy", ["bladder", "urolog"]), ("pneumonectomy", ["lung", "thorac", "pulmon"]),
        ("lobectomy", ["lung", "thorac", "pulmon"]), ("hepatectomy", ["liver", "hepat", "abdomin"]), ("orchiectomy", ["testi", "scrot"]),
        ("appendectomy", ["append", "abdomin", "gi", "gastrointestinal"]), ("cholecystectomy", ["gallbladder", "biliar", "abdomin", "gi", "gastrointestinal"]),
        ("pancreatectomy", ["pancrea", "abdomin", "gi"]), ("prostatectomy", ["prostat", "pelvi"]), ("thyroidectomy", ["thyroid", "neck"]),
    ];

    /// <summary>The outcome from the treatments the patient received: progression on them, current use, or the time since.</summary>
    private ConstraintCheck CheckReceived(List<Therapy> received, string evidence, EvaluationContext context)
    {
        if (Refractory)
        {
            return received.Any(t => t.ProgressedOn == true) ? ConstraintCheck.Met(evidence + ", progressed")
                : received.All(t => t.ProgressedOn == false) ? ConstraintCheck.NotMet(evidence + ", no progression")
                : ConstraintCheck.Unknown($"Did the patient's disease progress on {Agent}?", evidence);
        }

        if (Current)
        {
            return received.Any(t => t.IsCurrent == true) ? ConstraintCheck.Met(evidence)
                : received.All(t => t.IsCurrent == false || t.EndedOn is not null) ? ConstraintCheck.NotMet(evidence)
                : ConstraintCheck.Unknown($"Is the patient currently receiving {Agent}?", evidence);
        }

        if (WithinDays is { } days)
        {
            var since = context.DaysBefore(days);
            if (received.Any(t => t.IsCurrent == true || t.EndedOn >= since || (t.EndedOn is null && t.StartedOn >= since)))
            {
                return ConstraintCheck.Met(evidence);
            }

            return received.All(t => t.EndedOn is not null && t.EndedOn < since)
                ? ConstraintCheck.NotMet($"{evidence}, more than {days} days before {context.Today:yyyy-MM-dd}")
                : ConstraintCheck.Unknown($"When did the patient last receive {Agent}?", evidence);
        }

        return ConstraintCheck.Met(evidence);
    }

    private bool IsExcepted(Therapy therapy, OncologyVocabulary vocabulary)
    {
        foreach (var agent in Except)
        {
            if (therapy.Kind == TherapyKind.Drug && vocabulary.Drugs.Matches(therapy.Name, therapy.Classes, agent))
            {
                return true;
            }
        }

        return false;
    }

    private bool Matches(Therapy therapy, OncologyVocabulary vocabulary) => AgentKind switch
    {
        TherapyAgentKind.Modality => Agent switch
        {
            "radiotherapy" => therapy.Kind == TherapyKind.Radiotherapy,
            "surgery" => therapy.Kind == TherapyKind.Surgery,
            // A named operation ("oophorectomy", "hysterectomy") is that operation, not any other one, whether the record
            // files it as surgery or as a procedure of the general-medicine vocabulary ("orchiectomy", "thyroidectomy").
            var operation when operation.EndsWith("ectomy", StringComparison.Ordinal) => therapy.Kind is TherapyKind.Surgery or TherapyKind.Procedure && therapy.Name.Contains(operation, StringComparison.OrdinalIgnoreCase),
            "allogeneic stem cell transplant" => therapy.Kind == TherapyKind.Procedure && therapy.Name.Contains("allogeneic", StringComparison.OrdinalIgnoreCase),
            "autologous stem cell transplant" => therapy.Kind == TherapyKind.Procedure && therapy.Name.Contains("autologous", StringComparison.OrdinalIgnoreCase),
            // A transfusion, a vaccine or dialysis is its own procedure: a transplant is none of them.
            "transfusion" => therapy.Kind == TherapyKind.Procedure && therapy.Name.Contains("transfus", StringComparison.OrdinalIgnoreCase),
            "vaccine" => therapy.Kind == TherapyKind.Procedure && therapy.Name.Contains("vaccin", StringComparison.OrdinalIgnoreCase),
            "dialysis" => therapy.Kind == TherapyKind.Procedure && therapy.Name.Contains("dialysis", StringComparison.OrdinalIgnoreCase),
            _ => therapy.Kind == TherapyKind.Procedure && therapy.Name.Contains("transplant", StringComparison.OrdinalIgnoreCase),
        },
        // Any cancer drug is systemic therapy; whether a drug is investigational is never in the record.
        TherapyAgentKind.DrugClass when Agent is "systemic therapy" => therapy.Kind == TherapyKind.Drug && vocabulary.Drugs.IsAnticancer(therapy.Name, therapy.Classes) == true,
        TherapyAgentKind.DrugClass when Agent is "investigational agent" => false,
        _ when Unlisted => therapy.Name.Contains(Agent, StringComparison.OrdinalIgnoreCase),
        _ => therapy.Kind == TherapyKind.Drug && vocabulary.Drugs.Matches(therapy.Name, therapy.Classes, Agent)
            && !(SystemicOnly && LocalRoute().IsMatch(therapy.Name)),
    };

    /// <summary>A drug named with a local route, or one used only locally (inhaled and nasal corticosteroids).</summary>
    [GeneratedRegex(@"\b(?:inhaled|inhalers?|inhalation|nasal|intranasal|topical|ophthalmic|eye\s+drops|cream|ointment|intra-?articular|fluticasone|beclomethasone|mometasone|ciclesonide)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LocalRoute();
}

/// <summary>Reads drug, class and modality mentions with line counts, "refractory to", washouts and "concurrent".</summary>
public static partial class PriorTherapyParser
{
    public static void Parse(CriterionContext c)
    {
        // The line-count pattern ends in "line(s)" or "regimen(s)"; most criteria have neither word, and the pattern is
        // slow to rule out (its optional lead words match almost anywhere).
        var lines = c.HasWord("line") || c.HasWord("lines") || c.HasWord("regimen") || c.HasWord("regimens") ? Lines().Match(c.Text) : Match.Empty;
        if (!lines.Success && (c.HasWord("standard") || c.HasWord("prior") || c.HasWord("previous"))
            && (c.HasWord("therapy") || c.HasWord("therapies") || c.HasWord("treatment") || c.HasWord("treatments")))
        {
            lines = TherapiesCounted().Match(c.Text);
        }

        if (lines.Success && CountOf(lines.Groups["n"].Value) is { } n)
        {
            var comparison = lines.Groups["op"].Success ? CriterionContext.ParseComparison(lines.Groups["op"].Value) : CriterionContext.ParseTrailing(lines.Groups["tail"].Value);
            (int? Min, int? Max) range = comparison switch
            {
                Comparison.AtLeast => (n, null),
                Comparison.GreaterThan => (n + 1, null),
                Comparison.AtMost => (null, n),
                Comparison.LessThan => (null, n - 1),
                _ => (n, n),
            };
            var (min, max) = range;
            c.Add(new PriorTherapyConstraint("systemic therapy", TherapyAgentKind.DrugClass, min, max) { Span = CriterionContext.Span(lines) });
        }

        var refractory = Refractory().IsMatch(c.Lower);
        // "Surgery two weeks prior to baseline": the count may be a word.
        var washout = (c.HasDigit || c.Contains(CountWords)) && c.Contains(WashoutUnits) ? Washout().Match(c.Text) : Match.Empty;
        var (days, since) = Interval(c, washout);

        foreach (var m in c.Vocabulary.Drugs.ClassNames.FindAll(c.Text, c.Tokens))
        {
            if (!c.IsClaimed(m.Start, m.End))
            {
                var (at, washedOut) = IntervalAt(c, washout, m.Start, days, since);
                AddAgent(c, m.Value, TherapyAgentKind.DrugClass, m.Start, m.End, refractory, IsCurrentAt(c, m.Start, m.End), at, c.IsAllergyObjectAt(m.Start), washedOut);
            }
        }

        foreach (var m in c.Vocabulary.Drugs.Names.FindAll(c.Text, c.Tokens))
        {
            if (!c.IsClaimed(m.Start, m.End))
            {
                var (at, washedOut) = IntervalAt(c, washout, m.Start, days, since);
                AddAgent(c, m.Value, TherapyAgentKind.Drug, m.Start, m.End, refractory, IsCurrentAt(c, m.Start, m.End), at, c.IsAllergyObjectAt(m.Start), washedOut);
            }
        }

        foreach (var m in c.Contains(ModalityFragments) ? Modality().Matches(c.Text) : Enumerable.Empty<Match>())
        {
            if (c.IsClaimed(m.Index, m.Index + m.Length))
            {
                continue;
            }

            var word = m.Value.ToLowerInvariant();

            // "Allogeneic organ transplant", "kidney transplantation": an organ, not stem cells; the vocabulary's own
            // procedure reads it.
            if (word.Contains("transplant", StringComparison.Ordinal) && OrganBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Index - 40), m.Index - Math.Max(0, m.Index - 40))))
            {
                continue;
            }

            var agent = word.Contains("transfusion", StringComparison.Ordinal) ? "transfusion"
                : word.Contains("vaccin", StringComparison.Ordinal) ? "vaccine"
                : word.Contains("dialysis", StringComparison.Ordinal) ? "dialysis"
                : word.Contains("transplant", StringComparison.Ordinal) || word.Contains("hsct", StringComparison.Ordinal) || word.Contains("bmt", StringComparison.Ordinal) ? "stem cell transplant"
                : word.Contains("radiosurg", StringComparison.Ordinal) ? "radiotherapy"
                : word.EndsWith("ectomy", StringComparison.Ordinal) && word.Length > 8 ? word
                : word.Contains("surg", StringComparison.Ordinal) || word.Contains("resect", StringComparison.Ordinal) || word.Contains("operation", StringComparison.Ordinal) || word.Contains("ectomy", StringComparison.Ordinal) ? "surgery"
                : "radiotherapy";
            // "Gastric bypass surgery", "cataract surgery": the word names the operation before it, which the condition
            // parser reads as that procedure; a second, generic "surgery" would ask for any operation.
            if (agent == "surgery" && word is "surgery" or "surgeries" or "operation" or "procedure" && NamesAProcedure(c, m.Index))
            {
                c.Claim(m.Index, m.Index + m.Length);
                continue;
            }

            // "Allergy to components of the study vaccine", "would make vaccination unsafe": the trial's own vaccine, or
            // one to come, not a vaccination the patient had.
            if (c.IsRequiredAt(m.Index)
                || (agent == "vaccine" && (c.IsAllergyObjectAt(m.Index) || c.IsProspectiveAt(m.Index) || c.IsDueByEnrolmentAfter(m.Index + m.Length) || StudyVaccine().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Index - 70), Math.Min(m.Index, 70))) || VaccineReaction().IsMatch(c.Lower))))
            {
                c.Claim(m.Index, m.Index + m.Length);
                continue;
            }

            var (interval, sinceInterval) = IntervalAt(c, washout, m.Index, days, since);
            AddAgent(c, agent, TherapyAgentKind.Modality, m.Index, m.Index + m.Length, refractory, IsCurrentAt(c, m.Index, m.Index + m.Length), interval, allergy: false, sinceInterval);
            if (agent == "surgery" && (OperationNamedBefore(c, m.Index) ?? OperationNamedAfter(c, m.Index + m.Length)) is { } operation
                && c.Found.Count > 0 && c.Found[^1] is PriorTherapyConstraint { Agent: "surgery" } surgery && surgery.Span.Start == m.Index)
            {
                c.Found[^1] = surgery with { Operation = operation };
            }

            // "Prior total body irradiation", "radiotherapy to the pelvis": the field is part of the rule.
            if (agent == "radiotherapy" && Vocabulary.RadiotherapyFields.Around(c.Lower, m.Index, m.Index + m.Length) is { } field
                && c.Found.Count > 0 && c.Found[^1] is PriorTherapyConstraint { Agent: "radiotherapy" } radiotherapy && radiotherapy.Span.Start == m.Index)
            {
                c.Found[^1] = radiotherapy with { Field = field };
            }
        }

        // "At least 4 weeks since prior <agent not in the vocabulary>": still a washout, with the agent as written.
        // A condition named there ("at least 6 months since prior stroke") is the condition parser's to read.
        if (since && days is not null && !c.Found.OfType<PriorTherapyConstraint>().Any() && SinceAgent().Match(c.Text, washout.Index) is { Success: true } other
            && !(c.Vocabulary.Concepts.Names.TryGet(other.Groups["agent"].Value, out var named) && named.Kind == MedicalConceptKind.Condition))
        {
            c.Add(new PriorTherapyConstraint(other.Groups["agent"].Value.Trim().ToLowerInvariant(), TherapyAgentKind.DrugClass, WithinDays: days) { Span = CriterionContext.Span(washout.Index, other.Index + other.Length), Negated = true });
        }

        if (c.Contains(NaiveFragments) && Naive().Match(c.Text) is { Success: true } naive && !c.Found.OfType<PriorTherapyConstraint>().Any())
        {
            c.Add(new PriorTherapyConstraint("systemic therapy", TherapyAgentKind.DrugClass) { Span = CriterionContext.Span(naive), Negated = true });
        }

        // "Corticosteroid must be maintained at a constant dose during study": the dose of a drug taken, not the drug.
        if (c.HasWord("dose") || c.HasWord("doses") || c.HasWord("dosage") || c.HasWord("dosing"))
        {
            if (StableDose().IsMatch(c.Lower))
            {
                for (var i = 0; i < c.Found.Count; i++)
                {
                    if (c.Found[i] is PriorTherapyConstraint { Negated: false, Qualifies: false, MinimumLines: null, Refractory: false } taken)
                    {
                        c.Found[i] = taken with { StableDoseIfTaken = true };
                    }
                }
            }
        }
    }

    // Kept at a dose ("must be maintained at a constant dose"), or a stable dose asked of those who take it ("if on
    // steroids, a stable dose"); not "Stable dose of hydroxyurea for at least 4 months required", which asks for the drug.
    [GeneratedRegex(@"\b(?:maintained|kept|remain|remains|continued)\s+(?:at|on)\s+(?:an?\s+|the\s+)?(?:stable|constant|unchanged|same|fixed)\s+(?:daily\s+)?(?:doses?|dosages?|dosing)\b|\b(?:if|when|those|whoever)\s+(?:they\s+are\s+|is\s+|are\s+)?(?:on|receiving|taking|treated\s+with)\b[^.;]{0,60}?\b(?:stable|constant|unchanged|same|fixed)\s+(?:daily\s+)?(?:doses?|dosages?|dosing)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StableDose();

    /// <summary>
    /// "Antibiotic treatment other than metronidazole, vancomycin": the drugs after the exception do not apply to the
    /// patient (they qualify), and a patient treated only with them has not had the class the criterion is about.
    /// </summary>
    /// <remarks>Run once every family has read the criterion (a class may be found by another family).</remarks>
    internal static void ExceptNamedDrugs(CriterionContext c, List<EligibilityConstraint> found)
    {
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i] is not PriorTherapyConstraint { Qualifies: false, AgentKind: TherapyAgentKind.DrugClass } general)
            {
                continue;
            }

            var excepted = found.OfType<PriorTherapyConstraint>()
                .Where(t => t.Qualifies && t.AgentKind != TherapyAgentKind.Modality && t.Span.Start > general.Span.Start && c.IsExceptedAt(t.Span.Start))
                .Select(t => t.Agent)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (excepted.Count > 0)
            {
                found[i] = general with { Except = excepted };
            }
        }
    }

    /// <summary>
    /// The days of an interval and whether it is a washout: "at least 4 weeks since prior chemotherapy" requires that no
    /// chemotherapy was given in those 4 weeks, and so does "must have been discontinued >= 2 weeks prior to
    /// registration"; "insulin treated for at least 12 months" is how long the treatment lasted, not a time since it.
    /// </summary>
    private static (int? Days, bool Since) Interval(CriterionContext c, Match washout)
    {
        if (!washout.Success)
        {
            return (null, false);
        }

        var count = CriterionContext.ParseNumber(washout.Groups["num"].Value) ?? Numbers.NumberText.CountOrNull(washout.Groups["num"].Value);
        int? days = count is { } w ? (int)(Math.Clamp(w, 0m, 1_000_000m) * UnitDays(washout.Groups["unit"].Value)) : null;
        // The words after the interval, past a line break and the registry's indentation ("At least 1 month\n        since").
        var after = washout.Index + washout.Length;
        while (after < c.Lower.Length && char.IsWhiteSpace(c.Lower[after]))
        {
            after++;
        }

        var since = !DurationBefore().IsMatch(c.Lower.AsSpan(0, washout.Index)) && (Since().IsMatch(washout.Value + " " + c.Lower[after..Math.Min(c.Lower.Length, after + 12)])
            || (!WithinInterval().IsMatch(washout.Value) && StoppedBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, washout.Index - 40), washout.Index - Math.Max(0, washout.Index - 40)))));
        return (days, since);
    }

    /// <summary>
    /// The interval for an agent at <paramref name="start"/> when the criterion states several ("At least 1 week since
    /// prior interferon. Chemotherapy: At least 4 weeks since prior chemotherapy"): the nearest stated before it, when
    /// a later one than the first; otherwise the criterion's first.
    /// </summary>
    /// <remarks>
    /// An agent takes an interval only within its own rule: in a block of rules run together ("Chemotherapy: No prior
    /// systemic chemotherapy At least 1 week since prior bleomycin ... No concurrent hormonal anticancer therapy"), a rule
    /// that starts between the agent and the interval (a capitalised "At", "No", "Prior" after a lower-case word, or a
    /// label) keeps the interval to its own agents.
    /// </remarks>
    private static (int? Days, bool Since) IntervalAt(CriterionContext c, Match first, int start, int? days, bool since)
    {
        if (CriterionContext.LastMatchBefore(first, start) is { } nearest)
        {
            var end = nearest.Index + nearest.Length;
            return end < start && CriterionContext.RunOnRuleStart().IsMatch(c.Text.AsSpan(end, start - end)) ? (null, false)
                : nearest.Index != first.Index ? Interval(c, nearest) : (days, since);
        }

        // From the agent's second letter on: a label the agent itself is ("Biologic therapy: At least 1 week since prior
        // interferon") heads the rule, it does not start another.
        return first.Success && first.Index > start + 1 && CriterionContext.RunOnRuleStart().IsMatch(c.Text.AsSpan(start + 1, Math.Min(c.Text.Length, first.Index + 12) - start - 1)) ? (null, false) : (days, since);
    }


    [GeneratedRegex(@"\b(?:solid[- ]organ|organ|kidney|renal|liver|hepatic|heart|cardiac|lung|pulmonary|pancreas|pancreatic|islet|intestinal|small\s+bowel|corneal?|face|hand|uterine|uterus)(?:\s+(?:or|and|/)\s+[\w-]+)?\s+(?:[\w-]+\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex OrganBefore();

    /// <summary>"Taxane-naive", "anti-PD-1 naïve", "chemotherapy-naive": never had the agent the word is written on.</summary>
    [GeneratedRegex(@"\G(?:(?:-|\s+)?(?:therapy|treatment|agents?|drugs?|inhibitors?))?(?:-|\s+)?na[iï]ve\b", RegexOptions.CultureInvariant)]
    private static partial Regex NaiveAfter();

    /// <summary>"Naive to anti-PD-1 therapy", "naïve to prior taxanes": never had what follows, up to a few words on.</summary>
    [GeneratedRegex(@"\bna[iï]ve\s+to\s+(?:(?:any|all|the|prior|previous|an?|other)\s+)*(?:[\w-]+\s+){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex NaiveToBefore();

    [GeneratedRegex(@"\G\s*(?:team|teams|unit|units|program|programme|cent(?:er|re)s?|service|services|ward|department|registry|register|society|group|network|consortium|committee|specialists?|nurses?|coordinators?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NamesABody();

    private static void AddAgent(CriterionContext c, string agent, TherapyAgentKind kind, int start, int end, bool refractory, bool current, int? days, bool allergy, bool since)
    {
        // "Any medication other than levothyroxine", "not amenable to lumpectomy", "vaccinated ... or at the time of
        // initiating study drug": an exception, or a treatment the patient could have, is not one they must have had or avoided.
        // "As determined by the Stem Cell Transplant team", "the Scandinavian Obesity Surgery Registry": a name of
        // people or a register, not a treatment.
        // "A positive drug screen on the day of surgery": when something happens, not an operation the patient had.
        if (c.IsInsideUrl(start) || c.IsProspectiveAt(start) || c.IsDueByEnrolmentAfter(end) || NamesABody().IsMatch(c.Lower, Math.Min(end, c.Lower.Length))
            || (kind == TherapyAgentKind.Modality && TimeOfBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, start - 20), start - Math.Max(0, start - 20)))))
        {
            c.Claim(start, end);
            return;
        }

        // "Chemotherapy: At least 4 weeks since prior chemotherapy": a label heads what follows, which names the agent
        // again with its own rule (a label alone, "Chemotherapy: Not specified", says nothing of the patient).
        if (end < c.Text.Length && c.Text[end] == ':' && c.Lower.IndexOf(c.Lower[start..end], end, StringComparison.Ordinal) > end)
        {
            c.Claim(start, end);
            return;
        }

        // "Absence or loss of levodopa response", "levodopa treated and responsive": the response to the drug, which a
        // record that names the drug does not give.
        if (kind != TherapyAgentKind.Modality && (IsResponseAt(c, start, end) || c.IsMeasuredSubstanceAt(end) || c.IsAntigenAt(start)))
        {
            c.Claim(start, end);
            return;
        }

        // "FEV1 < 70% after 2 puffs of albuterol", "pre-bronchodilator FEV1", "reversibility after inhaled beta2-agonists":
        // the drug given for the test, which the measurement's own constraint asks about.
        if (kind != TherapyAgentKind.Modality && c.IsTestDrugAt(start))
        {
            c.Claim(start, end);
            return;
        }

        if (agent == "stem cell transplant" && TransplantType().Match(c.Lower, Math.Max(0, start - 25)) is { Success: true } type && type.Index <= end)
        {
            agent = type.Value.StartsWith("allo", StringComparison.Ordinal) ? "allogeneic stem cell transplant" : "autologous stem cell transplant";
        }

        if (allergy)
        {
            c.Add(new ConditionConstraint($"allergy to {agent}", MedicalConceptKind.Condition) { Span = CriterionContext.Span(start, end), Negated = c.IsNegatedAt(start) });
            return;
        }

        // "No prior chemotherapy ... no concurrent chemotherapy": two rules about one agent, the past and the present.
        if (c.Found.OfType<PriorTherapyConstraint>().Any(f => f.Agent == agent && f.MinimumLines is null && f.MaximumLines is null && f.Current == (current && days is null)))
        {
            c.Claim(start, end);
            return;
        }

        var dose = kind == TherapyAgentKind.Modality ? ExtentLimitAt(c, end) : DoseLimitAt(c, start, end);
        c.Add(new PriorTherapyConstraint(agent, kind, Refractory: refractory, WithinDays: days, Current: current && days is null)
        {
            Span = CriterionContext.Span(start, end),
            Negated = since ^ (c.IsNegatedAt(start) || NaiveAfter().IsMatch(c.Lower, Math.Min(end, c.Lower.Length)) || NaiveToBefore().IsMatch(c.Lower.AsSpan(0, start))),
            Qualifies = c.IsExceptedAt(start) || c.IsCauseOrOptionAt(start) || c.IsTreatmentDespiteAt(start) || c.IsPermittedAt(start)
                || LimitedToBefore().IsMatch(c.Lower.AsSpan(0, start)),
            Purpose = kind == TherapyAgentKind.Modality ? null : PurposeAt(c, end),
            DoseLimit = dose?.Limit,
            DoseBelow = dose?.Below ?? false,
            ForAdvancedDisease = AdvancedSettingAfter().IsMatch(c.Lower, Math.Min(end, c.Lower.Length)),
        });
    }

    /// <summary>
    /// How much of the body a treatment may have covered, stated after it ("prior radiotherapy to less than 25% of the bone
    /// marrow", "radiation to no greater than 50% of nodal groups", "to more than 30% of marrow-bearing bone"): a limit like
    /// a dose's, which no treatment at all satisfies when it is an upper bound.
    /// </summary>
    private static (string Limit, bool Below)? ExtentLimitAt(CriterionContext c, int end)
    {
        if (!c.HasDigit || end >= c.Lower.Length || ExtentLimit().Match(c.Lower, end) is not { Success: true } m)
        {
            return null;
        }

        var below = !m.Groups["above"].Success;
        var what = m.Groups["what"].Value.Trim();
        return ($"{(below ? "<" : ">")} {m.Groups["amount"].Value}%{(what.Length > 0 ? " of " + what : string.Empty)}", below);
    }

    [GeneratedRegex(@"\G(?:\s+(?!to\b|of\b|involving\b)[\w-]+){0,2}?\s+(?:to|of|involving|covering)\s+(?:(?<above>more\s+than|greater\s+than|over|above|in\s+excess\s+of|>=?|≥)|less\s+than|fewer\s+than|(?:no|not)\s+(?:more|greater)\s+than|not\s+exceeding|up\s+to|a\s+maximum\s+of|at\s+most|<=?|≤|=<)\s*(?<amount>\d+(?:\.\d+)?)\s*%(?:\s+(?:of\s+)?(?<what>(?:the\s+)?[a-z-]+(?:\s+[a-z-]+){0,3}?))?(?=\s*(?:[,;.()]|$|\b(?:and|or|is|are|allowed|permitted|within|prior|before)\b))", RegexOptions.CultureInvariant)]
    private static partial Regex ExtentLimit();

    /// <summary>"Chemotherapy for metastatic disease", "in the advanced setting": the setting the treatment was given in.</summary>
    [GeneratedRegex(@"\G(?:\s+[\w-]+){0,3}?\s+(?:for|in)\s+(?:the\s+)?(?:metastatic|advanced|recurrent|relapsed|unresectable)\s+(?:or\s+(?:metastatic|advanced|recurrent|unresectable)\s+)?(?:disease|cancer|setting|breast\s+cancer|\w+\s+cancer)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AdvancedSettingAfter();

    /// <summary>
    /// A dose stated beside the agent, in the same sentence ("&gt; 300 mg/m2 lifetime cumulative dose of doxorubicin",
    /// "doxorubicin exceeding 360 mg/m2", "stable daily dose of L-DOPA of at least 300 mg", "total insulin dose
    /// &lt;1.2U/kg/day"), with whether it is an upper bound. Concentrations ("9 g/dL") are no dose.
    /// </summary>
    internal static (string Limit, bool Below)? DoseLimitAt(CriterionContext c, int start, int end)
    {
        if (!c.HasDigit)
        {
            return null;
        }

        var from = Math.Max(0, start - 70);
        var to = Math.Min(c.Lower.Length, end + 70);
        (string, bool)? nearest = null;
        var distance = int.MaxValue;
        foreach (Match m in Dose().Matches(c.Lower[from..to]))
        {
            var at = from + m.Index;
            var before = at < start;
            var between = before ? c.Lower[Math.Min(at + m.Length, start)..start] : c.Lower[end..Math.Max(end, at)];
            var gap = between.Length;
            // A dose after the agent is its own only when nothing lists another agent between them ("doxorubicin
            // exceeding 360 mg/m2", not "doxorubicin or < 450 mg/m2 prior epirubicin").
            if (between.AsSpan().IndexOfAny(';', '.') >= 0 || gap >= distance
                || (!before && (between.Contains(',', StringComparison.Ordinal) || between.Contains(" or ", StringComparison.Ordinal) || between.Contains(" and ", StringComparison.Ordinal))))
            {
                continue;
            }

            // Only a cumulative exposure ("lifetime", "cumulative", per square metre) is one that none satisfies; a
            // daily or stable dose ("insulin dose < 1.2 U/kg/day") still asks for the drug.
            var bound = m.Groups["bound"].Value;
            var cumulative = m.Groups["per"].Value.Contains('m', StringComparison.Ordinal) || Cumulative().IsMatch(c.Lower.AsSpan(from, to - from));
            var below = cumulative && (bound is "<" or "≤" or "=<" or "<=" || BelowWord().IsMatch(bound));
            var symbol = bound.Length == 0 ? "=" : bound is "<" or "≤" or "=<" or "<=" || BelowWord().IsMatch(bound) ? "<" : AtLeastWord().IsMatch(bound) ? ">=" : ">";
            nearest = ($"{symbol} {m.Groups["amount"].Value} {m.Groups["unit"].Value}{m.Groups["per"].Value.Replace(" ", string.Empty, StringComparison.Ordinal)}", below);
            distance = gap;
        }

        return nearest;
    }

    [GeneratedRegex(@"(?:(?<bound>[<>≤≥]=?|=<|>=|(?:no|not)\s+(?:more|greater)\s+than|more\s+than|greater\s+than|less\s+than|lower\s+than|fewer\s+than|exceed(?:ing|s|ed)?|not\s+exceed(?:ing)?|in\s+excess\s+of|above|over|under|below|up\s+to|maximum(?:\s+of)?|max(?:imum)?\.?|at\s+most|at\s+least|minimum(?:\s+of)?)\s*(?:a\s+)?(?:(?:total|cumulative|lifetime|daily)\s+(?:dose\s+)?(?:of\s+)?)?)?(?<![\d.,])(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>mg|mcg|µg|μg|ug|g|iu|u|units?)(?<per>(?:\s*/\s*(?:kg|m2|m²|m\^2|day|d|week|wk|dose|24\s*h(?:ours?)?))*)(?![\w/])", RegexOptions.CultureInvariant)]
    private static partial Regex Dose();

    [GeneratedRegex(@"\b(?:cumulative|lifetime)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Cumulative();

    [GeneratedRegex(@"^(?:>=|≥|at\s+least|minimum(?:\s+of)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex AtLeastWord();

    [GeneratedRegex(@"^(?:(?:no|not)\s+(?:more|greater)\s+than|less\s+than|lower\s+than|fewer\s+than|not\s+exceed(?:ing)?|under|below|up\s+to|maximum(?:\s+of)?|max(?:imum)?\.?|at\s+most)$", RegexOptions.CultureInvariant)]
    private static partial Regex BelowWord();

    /// <summary>"Not responding to antimicrobial therapy", "refractory to steroids": a failure of the treatment named at <paramref name="start"/>.</summary>
    public static bool RefractoryBefore(CriterionContext c, int start) =>
        start > 0 && RefractoryJustBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, start - 40), start - Math.Max(0, start - 40)));

    [GeneratedRegex(@"(?:refractory|resistant|not\s+(?:respond(?:ing|ed)?|responsive|tolerat(?:ing|ed|e))|(?:un|non-?)responsive|intolerant|failure|failed)\s+(?:to|of|on)?\s*(?:(?:prior|previous|standard|conventional|the|a|an|any|all|two|one)\s+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RefractoryJustBefore();

    /// <summary>The condition a drug named just before <paramref name="end"/> was given for, or null (see <see cref="PriorTherapyConstraint.Purpose"/>).</summary>
    public static string? PurposeAt(CriterionContext c, int end) =>
        PurposeAfter().Match(c.Text, end) is { Success: true } purpose ? purpose.Groups["what"].Value.Trim() : null;

    /// <summary>
    /// What a drug was given for, right after it (and a bracketed list of examples): "antibacterials (vancomycin,
    /// metronidazole) aiming at CDAD treatment", "antibiotics for pneumonia", "steroids to treat asthma".
    /// </summary>
    /// <summary>
    /// The words before "surgery" or "operation" that say which ("carpal tunnel release", "prostatic", "GI",
    /// "emergency"), or null when they only say when or how much ("prior major", "any previous", "recent").
    /// </summary>
    private static string? OperationNamedBefore(CriterionContext c, int at)
    {
        var before = OperationWords().Match(c.Lower[Math.Max(0, at - 60)..at]);
        if (!before.Success)
        {
            return null;
        }

        var words = before.Groups["w"].Captures.Select(w => w.Value).Where(w => !GenericOperationWords.Contains(w)).ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    /// <summary>What "resection of thyroid tissue", "surgery on the spine" names after the word, or null.</summary>
    private static string? OperationNamedAfter(CriterionContext c, int end)
    {
        var after = OperationSiteAfter().Match(c.Lower, Math.Min(end, c.Lower.Length));
        if (!after.Success)
        {
            return null;
        }

        var words = after.Groups["w"].Captures.Select(w => w.Value).TakeWhile(w => !GenericOperationWords.Contains(w)).ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    [GeneratedRegex(@"\G\s+(?:of|on|to)\s+(?:the\s+)?(?:(?<w>[a-z][a-z-]*)(?:\s+|$)){1,2}", RegexOptions.CultureInvariant)]
    private static partial Regex OperationSiteAfter();


    /// <summary>Up to three words right before "surgery" or "operation", with no sentence break.</summary>
    [GeneratedRegex(@"(?:(?<w>[a-z][a-z-]*)\s+){1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex OperationWords();

    private static readonly HashSet<string> GenericOperationWords = new(StringComparer.Ordinal)
    {
        "prior", "previous", "previously", "recent", "recently", "past", "any", "major", "minor", "surgical", "elective", "planned",
        "other", "a", "an", "the", "of", "or", "and", "no", "not", "had", "has", "have", "undergone", "underwent", "received",
        "history", "within", "since", "after", "before", "following", "from", "for", "with", "without", "to", "in", "on", "at",
        "open", "invasive", "significant", "extensive", "serious", "scheduled", "anticipated", "expected", "required", "requiring",
        "last", "days", "weeks", "months", "years", "day", "week", "month", "year", "two", "three", "four", "six", "one",
        "patients", "patient", "subjects", "subject", "who", "will", "be", "is", "are", "was", "were", "need", "needs",
        "curative", "definitive", "primary", "initial", "potentially", "cancer", "tumor", "tumour", "oncologic", "diagnostic",
        "complete", "completely", "total", "partial", "radical", "wide", "local", "compatible", "clinical", "condition",
        "including", "includes", "include", "excluding", "such", "as", "like", "also", "by", "via", "must", "should", "may", "can",
        "either", "neither", "nor", "both", "all", "than", "more", "less", "treatment", "treatments", "therapy", "therapies",
    };

    /// <summary>True when the words just before <paramref name="at"/> name a procedure of the vocabulary ("gastric bypass").</summary>
    private static bool NamesAProcedure(CriterionContext c, int at)
    {
        var from = Math.Max(0, at - 50);
        var before = c.Text[from..at].TrimEnd();
        return c.Vocabulary.Concepts.Names.FindAll(before, Tokenizer.Tokenize(before))
            .Any(p => p.Value.Kind == MedicalConceptKind.Procedure && p.End == before.Length);
    }

    [GeneratedRegex(@"\G\s*(?:\([^)]{0,120}\)\s*)?(?:(?:given|used|prescribed|taken|administered)\s+)?(?:aim(?:ed|ing)\s+at|intended\s+(?:for|to\s+treat)|to\s+treat|for\s+(?:the\s+)?(?:treatment|management|prevention)\s+of|for)\s+(?<what>(?!(?:at\s+least|more|less|longer|greater|fewer|over|up\s+to|a\s+(?:period|duration|minimum|maximum|total)|the\s+(?:duration|purpose|study|trial|last|past|first|entire)|any|all|other|this|that|these|those|which|whom|whatever|study|participation|enrol\w*|random\w*|screening|entry|inclusion|eligibility|use|chronic|long|short|prolonged|extended|several|\d|>|<|≥|≤|\w+\s+(?:days?|weeks?|months?|years?|hours?))\b)[a-z][^,;.()]{2,60})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PurposeAfter();

    [GeneratedRegex(@"\b(?:allo\w*|auto(?:logous|\b))", RegexOptions.CultureInvariant)]
    private static partial Regex TransplantType();

    private static int? CountOf(string word) => word.ToLowerInvariant() switch
    {
        "one" or "1" or "a" or "single" => 1,
        "two" or "2" => 2,
        "three" or "3" => 3,
        "four" or "4" => 4,
        "five" or "5" => 5,
        "six" or "6" => 6,
        _ => null,
    };

    private static decimal UnitDays(string unit)
    {
        var u = unit.ToLowerInvariant();
        return u.StartsWith('w') ? 7 : u.StartsWith('m') ? 30 : u.StartsWith('y') ? 365 : u.StartsWith('h') ? 1 / 24m : 1;
    }

    [GeneratedRegex(@"(?:" + CriterionContext.Operator + @"\s*)?\b(?<n>\d|one|two|three|four|five|six|a|single)\s*(?<tail>\s*(?:or\s+(?:more|fewer|less)|\+))?\s*(?:\(\d\)\s*)?(?:prior|previous|lines?|regimens?|standard)?\s*(?:standard\s+)?(?:systemic\s+|chemotherapy\s+|treatment\s+|therapy\s+|cytotoxic\s+)?(?:lines?|regimens?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Lines();

    /// <summary>"Must have failed at least 1 standard therapy", "no more than 2 prior therapies": lines counted as therapies.</summary>
    [GeneratedRegex(@"(?:" + CriterionContext.Operator + @"\s*)?\b(?<n>\d|one|two|three|four|five|six)\s*(?<tail>\s*(?:or\s+(?:more|fewer|less)|\+))?\s*(?:standard|prior|previous)\s+(?:systemic\s+|anti-?cancer\s+)?(?:therap(?:y|ies)|treatments?)\b(?!\s+(?:with|of)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TherapiesCounted();

    [GeneratedRegex(@"\b(?:discontinued|stopped|completed|ended|terminated|ceased|withdrawn)\b[^.;]{0,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex StoppedBefore();

    [GeneratedRegex(@"\b(?:for|lasting|duration\s+of)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationBefore();

    /// <summary>"Within 6 months", "in the last 4 weeks", "&lt; 30 days": an interval the treatment falls in, not one since it.</summary>
    [GeneratedRegex(@"^(?:within|in\b|during|<|≤|less|fewer)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithinInterval();

    [GeneratedRegex(@"refractory|resistant|resistance|progress(?:ed|ion|ing)\s+(?:on|after|during|following|while)|failed|failure\s+(?:of|on|to)|relapsed\s+(?:after|following)|intolerant|intolerance\s+to|after\s+(?:failure|progression)|not\s+(?:respond(?:ing|ed)?|responsive|tolerat(?:ing|ed|e))\s+to|not\s+tolerat(?:ing|ed|e)|(?:un|non-?)responsive\s+to", RegexOptions.CultureInvariant)]
    private static partial Regex Refractory();

    [GeneratedRegex(@"\b(?:concurrent|concomitant|currently\s+(?:receiving|taking|on|using|treated)|current\s+(?:[a-z-]+\s+){0,2}(?:treatment|therapy|use|medications?)\b|ongoing|receiving|undergoing|chronic\s+(?:use|treatment)|requiring|use\s+of|taking|on\s+(?:stable\s+)?(?:dose|treatment))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Current();

    [GeneratedRegex(@"(?:within|in\s+the\s+(?:last|past|previous|preceding)|during\s+the\s+(?:last|past)|<|≤|less\s+than|fewer\s+than|at\s+least)\s*(?<num>\d+(?:\.\d+)?)\s*(?<unit>days?|weeks?|wks?|months?|hours?|years?)|(?<num>\d+(?:\.\d+)?|\b(?:one|two|three|four|five|six|eight|twelve))\s*(?<unit>days?|weeks?|wks?|months?)\s+(?:prior|before|of|from|since|preceding)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Washout();

    [GeneratedRegex(@"^(?:at\s+least|more\s+than|>|≥|>=|a\s+minimum\s+of|minimum)|\b(?:since|elapsed|washout|wash-out|must\s+have\s+passed|have\s+passed|from\s+(?:the\s+)?(?:last|prior|previous))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Since();

    [GeneratedRegex(@"\bsince\s+(?:the\s+)?(?:last\s+dose\s+of\s+)?(?:prior|previous|last)\s+(?<agent>[a-z][\w/ -]{2,40}?)(?=\s*(?:$|[.;,(]|\band\b|\bexcept\b|\bwith\b|\bor\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SinceAgent();

    /// <summary>"The study vaccine", "investigational vaccines", "for which influenza vaccine is recommended": words before a vaccine that make it not the patient's past vaccination.</summary>
    [GeneratedRegex(@"\b(?:study|investigational|trial|experimental|which|whom|planned|plan|intend\w*)\b[^.;]{0,50}$", RegexOptions.CultureInvariant)]
    private static partial Regex StudyVaccine();

    /// <summary>"Severe reactions following previous immunization": a reaction to a vaccine is the rule, not the vaccination.</summary>
    [GeneratedRegex(@"\b(?:reactions?|hypersensitivity|allerg\w+|intoleran\w+|contraindicat\w+|unsafe)\b", RegexOptions.CultureInvariant)]
    private static partial Regex VaccineReaction();

    /// <summary>True when the drug mention at [start, end) is the object of a response ("levodopa response", "responsive to levodopa").</summary>
    public static bool IsResponseAt(CriterionContext c, int start, int end) =>
        ResponseAfter().IsMatch(c.Lower.AsSpan(end, Math.Min(c.Lower.Length, end + 25) - end)) || ResponseBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, start - 25), start - Math.Max(0, start - 25)));

    /// <summary>
    /// True when the mention at [start, end) is about treatment now: its own rule (from the last label, sentence end or
    /// "no" before it) says "concurrent", "ongoing", "receiving" and not "prior". "No prior or concurrent chemotherapy"
    /// is about any chemotherapy ever; "PRIOR CONCURRENT THERAPY: Chemotherapy: No prior chemotherapy" about the past.
    /// </summary>
    public static bool IsCurrentAt(CriterionContext c, int start, int end)
    {
        if (!IsAboutCurrentTreatment(c))
        {
            return false;
        }

        var from = c.Lower.AsSpan(0, start).LastIndexOfAny(".;:") + 1;
        if (RuleStart().Match(c.Lower, from, start - from) is { Success: true } no)
        {
            from = no.Index;
        }

        var to = end;
        while (to < c.Lower.Length && to - end < 30 && c.Lower[to] is not ('.' or ';' or ':'))
        {
            to++;
        }

        if (NextRule().Match(c.Lower, end, to - end) is { Success: true } next)
        {
            to = next.Index;
        }

        return !PriorBefore().IsMatch(c.Lower.AsSpan(from, start - from)) && Current().IsMatch(c.Lower.AsSpan(from, to - from));
    }

    /// <summary>The last "no" or "not" before a mention: where its own rule starts.</summary>
    [GeneratedRegex(@"\b(?:no|not)\b", RegexOptions.RightToLeft | RegexOptions.CultureInvariant)]
    private static partial Regex RuleStart();

    [GeneratedRegex(@"\b(?:no|not)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NextRule();

    [GeneratedRegex(@"\b(?:day|date|time|hour|morning)\s+of\s+(?:the\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfBefore();

    /// <summary>"Previous therapies limited to interferon, hydroxyurea and anagrelide": the treatments allowed, none of them required.</summary>
    [GeneratedRegex(@"(?<!\bnot\s+)\b(?:limited|restricted|confined)\s+to\b[^.;:]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LimitedToBefore();

    [GeneratedRegex(@"\b(?:prior|previous(?:ly)?|past|earlier)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PriorBefore();

    /// <summary>True when the criterion is about treatment now ("concurrent", "ongoing", "current antibiotic treatment").</summary>
    public static bool IsAboutCurrentTreatment(CriterionContext c) => c.AboutCurrentTreatment ??= c.Contains(CurrentWords) && Current().IsMatch(c.Lower);

    /// <summary>Every alternative of <see cref="Current"/> holds one of these; asked once per criterion (the condition parser asks for every drug it reads).</summary>
    private static readonly SearchValues<string> CurrentWords = SearchValues.Create(
        ["concurrent", "concomitant", "current", "ongoing", "receiving", "undergoing", "chronic", "requiring", "use", "taking", "dose", "treatment"], StringComparison.Ordinal);

    /// <summary>Every alternative of <see cref="Naive"/> holds one of these (lower case).</summary>
    private static readonly SearchValues<string> NaiveFragments = SearchValues.Create(["naive", "na\u00efve", "previously", "prior", "previous"], StringComparison.Ordinal);

    /// <summary>Every match of <see cref="Washout"/> holds a number and one of these units (lower case).</summary>
    private static readonly SearchValues<string> WashoutUnits = SearchValues.Create(["day", "week", "wk", "month", "hour", "year"], StringComparison.Ordinal);

    private static readonly SearchValues<string> CountWords = SearchValues.Create(["one ", "two ", "three ", "four ", "five ", "six ", "eight ", "twelve "], StringComparison.Ordinal);

    [GeneratedRegex(@"^[\s-]*(?:treated\s+and\s+)?(?:response|responsive\w*|unresponsive\w*|responder|non-?responder)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ResponseAfter();

    [GeneratedRegex(@"\b(?:response|responsive(?:ness)?|unresponsive(?:ness)?|responder)\s+(?:to|of)\s+(?:the\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ResponseBefore();

    /// <summary>Every alternative of <see cref="Modality"/> holds one of these (lower case).</summary>
    private static readonly SearchValues<string> ModalityFragments = SearchValues.Create(
        ["radi", "sbrt", "srs", "wbrt", "brachytherapy", "surg", "resection", "operation", "transplant", "hsct", "bmt", "ectomy", "transfusion", "vaccin", "dialysis"],
        StringComparison.Ordinal);

    [GeneratedRegex(@"\b(?:radiotherapy|radiation(?:\s+therapy)?|irradiation|radiosurgery|SBRT|SRS|WBRT|chemoradi\w+|brachytherapy|major\s+surgery|surgical\s+(?:procedure|resection|intervention)s?|surgery|resection|operation|(?:stem\s+cell|bone\s+marrow|hematopoietic\s+(?:stem\s+)?cell|allogeneic|allogenic|autologous|cord\s+blood)\s+transplant\w*|HSCT|BMT|\w+ectomy|transfusions?|vaccines?|vaccinations?|dialysis)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Modality();

    [GeneratedRegex(@"\b(?:treatment(?:-|\s+)na[iï]ve|therapy(?:-|\s+)na[iï]ve|chemotherapy(?:-|\s+)na[iï]ve|previously\s+untreated|no\s+prior\s+(?:systemic\s+)?(?:treatment|therapy)|no\s+previous\s+(?:systemic\s+)?(?:treatment|therapy)(?!\s+(?:with|of)\b)|not\s+(?:been\s+)?previously\s+treated|na[iï]ve\s+to)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Naive();
}
