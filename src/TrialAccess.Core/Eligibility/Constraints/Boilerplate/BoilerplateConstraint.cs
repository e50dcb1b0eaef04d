using System.Buffers;
using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>The procedural kinds of criterion that every trial repeats.</summary>
public enum BoilerplateKind
{
    /// <summary>"Signed informed consent", "able to understand and sign the consent form".</summary>
    Consent,

    /// <summary>"Willing and able to comply with the protocol", "available for follow-up".</summary>
    Compliance,

    /// <summary>"Legal age of majority", "legally capable", "guardian consent for minors", and legal status ("prisoners", "legal incapacity").</summary>
    AgeOfMajority,

    /// <summary>"See above", "see inclusion criteria", "not applicable": a pointer, not a criterion.</summary>
    CrossReference,

    /// <summary>"Participation in another interventional trial", "investigator's judgement".</summary>
    StudyConduct,

    /// <summary>
    /// Where the patient lives, the language they read or speak, insurance, a telephone, travel to the site: facts about
    /// the patient that a record rarely holds and that are never presumed (a question, not settled at enrolment).
    /// </summary>
    Logistics,
}

/// <summary>A procedural criterion, recognised as such: it is settled at enrolment, not from the patient's record.</summary>
public sealed record BoilerplateConstraint(BoilerplateKind Boilerplate) : EligibilityConstraint
{
    public override ConstraintKind Kind => ConstraintKind.Boilerplate;

    public override string Describe() => Boilerplate switch
    {
        BoilerplateKind.Consent => "informed consent",
        BoilerplateKind.Compliance => "willing and able to comply",
        BoilerplateKind.AgeOfMajority => "legal age / capacity",
        BoilerplateKind.CrossReference => "refers to other criteria",
        BoilerplateKind.Logistics => "logistics (residence, language, insurance, travel)",
        _ => "study conduct",
    };

    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context) => Boilerplate == BoilerplateKind.Logistics
        ? ConstraintCheck.Unknown("Does the patient meet the trial's practical requirements (where they live, language, insurance, travel)?", "logistics are not presumed")
        : ConstraintCheck.NotApplicable("procedural: settled with the study team at enrolment");
}

/// <summary>Recognises consent, compliance, age-of-majority and cross-reference boilerplate.</summary>
public static partial class BoilerplateParser
{
    public static void Parse(CriterionContext c)
    {
        Try(c, ConsentFragments, Consent(), BoilerplateKind.Consent);
        Try(c, null, Majority(), BoilerplateKind.AgeOfMajority);
        Try(c, ComplianceFragments, Compliance(), BoilerplateKind.Compliance);
        if (StudyConduct(c) is { Success: true } conduct)
        {
            c.Add(new BoilerplateConstraint(BoilerplateKind.StudyConduct) { Span = CriterionContext.Span(conduct) }, claim: false);
        }

        if (!c.Found.Exists(f => f is BoilerplateConstraint { Boilerplate: BoilerplateKind.StudyConduct }))
        {
            Try(c, SampleOrDonationFragments, SampleOrDonation(), BoilerplateKind.StudyConduct);
        }

        Try(c, LogisticsFragments, Logistics(), BoilerplateKind.Logistics);
        if (c.Found.Count == 0)
        {
            var pointer = CrossReference(c);
            if (!pointer.Success && c.Contains(MoreCriteriaFragments))
            {
                pointer = MoreCriteria().Match(c.Text);
            }

            if (pointer.Success)
            {
                c.Add(new BoilerplateConstraint(BoilerplateKind.CrossReference) { Span = CriterionContext.Span(pointer) });
            }
        }
    }

    /// <summary>Every alternative of <see cref="Logistics"/> holds one of these (lower case).</summary>
    private static readonly SearchValues<string> LogisticsFragments = SearchValues.Create(
        ["english", "french", "german", "spanish", "dutch", "language", "chinese", "japanese", "italian", "danish", "swedish", "norwegian", "hebrew",
            "portuguese", "arabic", "fluent", "native", "resid", "living", "live", "mile", "km", "kilomet", "minute", "hour", "telephone", "internet", "insur",
            "medicaid", "medicare", "travel", "transportation", "geographic"],
        StringComparison.Ordinal);

    [GeneratedRegex(@"\b(?:(?:read|speak|understand|write)\s+(?:and\s+(?:write|understand|speak|read)\s+)?(?:english|french|german|spanish|dutch|the\s+local\s+language|chinese|japanese|italian|danish|swedish|norwegian|hebrew|portuguese|arabic)|fluent\s+in|language\s+barrier|(?:english|spanish|french|german)[- ]speaking|native\s+speaker|resid(?:e|es|ing|ents?|ence)\b|living\s+in|lives\s+in|live\s+(?:within|in|near)|within\s+\d+\s*(?:miles|km|kilometers|kilometres)|within\s+(?:a\s+)?\d*\s*(?:minutes?|hours?)['’]?\s+(?:of|from|drive|driving|travel)\b|telephone|internet\s+access|health\s+insurance|insured|medicaid|medicare|travel\s+to|transportation|geographic(?:al)?(?:ly)?\s+(?:accessible|proximity|inaccessib\w*))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Logistics();

    /// <param name="fragments">
    /// Lower-case fragments one of which every match holds, or null. Most criteria are not boilerplate, and the longest
    /// patterns are slow to rule out (their alternatives start with almost any letter): those run only when the text
    /// holds a fragment. The shorter ones are quicker to run than such a test.
    /// </param>
    private static void Try(CriterionContext c, SearchValues<string>? fragments, Regex pattern, BoilerplateKind kind)
    {
        if (fragments is not null && !c.Contains(fragments))
        {
            return;
        }

        var m = pattern.Match(c.Text);
        if (m.Success)
        {
            c.Add(new BoilerplateConstraint(kind) { Span = CriterionContext.Span(m) }, claim: false);
        }
    }

    /// <summary>Every alternative of <see cref="Consent"/> holds one of these (lower case).</summary>
    private static readonly SearchValues<string> ConsentFragments = SearchValues.Create(["consent", "assent", "icf", "hipaa", "authorization", "parental"], StringComparison.Ordinal);

    [GeneratedRegex(@"\b(?:informed\s+consent|consent\s+form|written\s+consent|sign(?:ed)?\s+(?:the\s+|an\s+)?(?:written\s+)?(?:informed\s+)?consent|give\s+consent|provide\s+(?:written\s+)?consent|consent\s+to\s+participate|assent|ICF|consent\s+(?:document|process)|able\s+to\s+consent|capable\s+of\s+(?:giving\s+)?(?:informed\s+)?consent|HIPAA|authorization\s+for\s+release|consent\s+of\s+(?:a\s+)?(?:parent|guardian)|(?:inability|unable)\s+to\s+(?:give\s+)?consent|parental\s+(?:or\s+guardian\s+)?consent|parental\s+permission|lack\s+of\s+consent|no\s+consent|(?:do|does|did)\s+not\s+consent|consent\s+(?:is\s+)?(?:not\s+)?(?:obtained|given|signed)|(?:refus\w+|withdr\w+)\s+(?:to\s+)?(?:give\s+)?consent)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Consent();

    [GeneratedRegex(@"\b(?:age\s+of\s+majority|legal\s+age|legally\s+(?:authori[sz]ed|acceptable|competent|capable|able)|legal(?:ly)?\s+(?:guardian|representative)|under\s+guardianship|under\s+(?:legal\s+)?(?:protection|tutorship|curatorship)|deprived\s+of\s+(?:their\s+)?liberty|majority\s+age|adults?\s+under\s+(?:legal\s+)?protection|prisoners?|incarcerated|imprisoned|legal\s+incapacity|limited\s+legal\s+capacity)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Majority();

    /// <summary>Every alternative of <see cref="Compliance"/> holds one of these (lower case).</summary>
    private static readonly SearchValues<string> ComplianceFragments = SearchValues.Create(
        ["willing", "comply", "complian", "complete", "adhere", "follow", "attend", "return", "read", "understand", "geographic", "visit", "procedure",
            "requirement", "unable", "inability", "reached", "contacted", "reliab", "english", "french", "german", "spanish", "dutch", "language", "chinese",
            "japanese", "italian", "danish", "swedish", "norwegian", "hebrew", "fluent", "cooperat", "accessible", "protocol", "refus", "declin",
            "determination", "incapacitated", "telephone", "internet", "reside", "living", "lives", "travel", "familial", "sociological", "amenable", "reviewed"],
        StringComparison.Ordinal);

    [GeneratedRegex(@"\b(?:willing(?:ness)?\s+(?:and|&)?\s*(?:able\s+)?to\s+(?:comply|adhere|follow|return|participate|undergo|attend|complete|provide)|able\s+(?:and\s+willing\s+)?to\s+(?:comply|adhere|follow|attend|return|complete|read|understand)|comply\s+with\s+(?:the\s+)?(?:study|protocol|scheduled|requirements|visits|treatment)|compliance\s+with|available\s+for\s+follow[- ]?up|geographic(?:al)?(?:ly)?\s+(?:accessible|proximity|inaccessib)|follow[- ]up\s+visits|study\s+(?:visits|procedures|requirements)|unwilling|(?:unable|inability)\s+to\s+(?:comply|follow|return|attend|understand|read|speak|comprehend)|willingness\s+and\s+ability|willing(?:ness)?\s+to\s+be\s+followed|(?:unable|able|available)\s+to\s+be\s+(?:followed|reached|contacted)|non-?complian\w*|unreliab\w+|(?:read|speak|understand)\s+(?:and\s+(?:write|understand|speak)\s+)?(?:english|french|german|spanish|dutch|the\s+local\s+language|chinese|japanese|italian|danish|swedish|norwegian|hebrew)|fluent\s+in|language\s+barrier|reliable|uncooperative|(?:inability|unable|able)\s+to\s+cooperate|cooperate\s+with|compliance|comply|complete\s+the\s+study|accessible\s+for|as\s+required\s+by\s+the\s+protocol|willing\s+to\s+(?:accept|undergo)|refus\w*\s+to\s+(?:join|participate|participant)|declined?\s+(?:to\s+)?(?:participat\w+|follow[- ]?up|consent)|self-determination|incapacitated|telephone|internet\s+access|reside|resident\s+of|living\s+in|lives\s+in|travel|english[- ]speaking|(?:psychological|familial|sociological|geographical)\s*(?:,|or)\s*(?:familial|sociological|geographical)|willing(?:ness)?\s+to\s+be\s+(?:seen|randomi[sz]ed|contacted|assigned)|(?:capable|able)\s+of\s+(?:understanding\s+and\s+)?complying|complying\s+with|amenable\s+to\s+(?:serial|repeated|the\s+study|study|protocol)\b[^.;]{0,60}?\b(?:biops\w*|sampl\w*|visits?|procedures?)|(?:pathology|slides?|specimens?|tissue)\s+(?:must|will|should)\s+be\s+(?:centrally\s+)?reviewed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Compliance();

    /// <summary>The words of all the study-conduct parts (lower case).</summary>
    private static readonly SearchValues<string> StudyConductFragments = SearchValues.Create(
        ["opinion", "judg", "discretion", "deemed", "preclude", "participat", "enrol", "other", "concurrent", "randomi", "staff", "employee", "sponsor", "personnel", "interfere", "jeopardi", "compromise", "confound", "safety", "appropriate", "investigational", "participation", "tissue", "biops", "sample", "specimen", "candidate", "suitable", "make", "increase", "prisoner", "incarcerat", "institutionali", "military", "donat"],
        StringComparison.Ordinal);

    /// <summary>Every alternative of <see cref="SampleOrDonation"/> holds one of these (lower case).</summary>
    private static readonly SearchValues<string> SampleOrDonationFragments = SearchValues.Create(["tissue", "sample", "specimen", "block", "slide", "donat", "ml"], StringComparison.Ordinal);

    /// <summary>
    /// Archival tissue or a tumour sample to be available for the study, and blood or plasma given or lost before it
    /// ("donation or loss of 400 mL of blood within 8 weeks"): settled with the study team, as other study conduct.
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:archival|FFPE|formalin[- ]fixed|paraffin[- ]embedded|tumou?r)\s+(?:[\w-]+\s+){0,3}?(?:tissues?|samples?|specimens?|blocks?|slides?)\b[^.;]{0,40}?\b(?:available|provided|required|submitted|obtained|for\s+(?:testing|analysis|evaluation|research|central|biomarker))|(?:tissues?|tumou?r\s+(?:samples?|specimens?|blocks?))\s+(?:must\s+be\s+|is\s+|are\s+)?available|(?:blood|plasma|platelet|bone\s+marrow)\s+donations?|donat(?:e|ed|ion|ing)\s+(?:of\s+)?(?:more\s+than\s+|over\s+|>\s*)?(?:\d+\s*ml\s+(?:of\s+)?)?(?:whole\s+)?(?:blood|plasma|platelets)|(?:loss|lost)\s+(?:of\s+)?(?:more\s+than\s+|over\s+|>\s*)?\d+\s*ml\s+(?:of\s+)?blood|donation\s+or\s+loss\s+of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SampleOrDonation();

    /// <summary>
    /// The first study-conduct clause ("at the investigator's discretion", "participation in another trial"): the match one
    /// pattern of all the alternatives would give. The alternatives are split, in their order, into four patterns, each
    /// run only when the text holds one of its words (most criteria hold words of one part at most); the leftmost match
    /// wins, and at the same place the earlier part, as in the single pattern.
    /// </summary>
    private static Match StudyConduct(CriterionContext c)
    {
        var parts = StudyConductParts(c.Lower);
        var best = Match.Empty;
        for (var part = 0; part < StudyConductPatterns.Length; part++)
        {
            if ((parts & (1 << part)) == 0)
            {
                continue;
            }

            var m = StudyConductPatterns[part]().Match(c.Text);
            if (m.Success && (!best.Success || m.Index < best.Index))
            {
                best = m;
            }
        }

        return best;
    }

    private static readonly Func<Regex>[] StudyConductPatterns = [StudyConductOpinion, StudyConductOtherStudy, StudyConductStudyRisk, StudyConductSampleOrStatus];

    /// <summary>Which of the four parts may match (one bit each): the parts of every word of theirs the text holds.</summary>
    private static int StudyConductParts(string lower)
    {
        var parts = 0;
        var text = lower.AsSpan();
        for (var at = text.IndexOfAny(StudyConductFragments); at >= 0;)
        {
            var rest = text[at..];
            foreach (var (fragment, part) in StudyConductFragmentParts)
            {
                if (rest.StartsWith(fragment, StringComparison.Ordinal))
                {
                    parts |= part;
                }
            }

            var next = text[(at + 1)..].IndexOfAny(StudyConductFragments);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return parts;
    }

    /// <summary>Every alternative of a study-conduct part holds one of its words (lower case), with the parts (bits) that hold it.</summary>
    private static readonly (string Fragment, int Parts)[] StudyConductFragmentParts = [("opinion", 1), ("judg", 1), ("discretion", 1), ("deemed", 1), ("preclude", 2), ("participat", 2), ("enrol", 10), ("other", 2), ("concurrent", 2), ("randomi", 10), ("staff", 4), ("employee", 4), ("sponsor", 4), ("personnel", 4), ("interfere", 4), ("jeopardi", 4), ("compromise", 4), ("confound", 4), ("safety", 4), ("appropriate", 4), ("investigational", 4), ("participation", 4), ("tissue", 8), ("biops", 8), ("sample", 8), ("specimen", 8), ("candidate", 8), ("suitable", 8), ("make", 8), ("increase", 8), ("prisoner", 8), ("incarcerat", 8), ("institutionali", 8), ("military", 8), ("donat", 8)];

    /// <summary>Alternatives 1-6 of the study-conduct pattern: the investigator's judgement.</summary>
    [GeneratedRegex(@"\b(?:investigator(?:'s)?\s+(?:opinion|judg(?:e)?ment|discretion)|opinion\s+of\s+the\s+(?:investigator|physician)|(?:investigators?|physician|clinician|doctor|pediatrician)(?:'s|\s+s)?\s+(?:opinion|judg(?:e)?ment|discretion)|(?:opinion|judg(?:e)?ment|discretion)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:investigators?|physicians?|clinicians?|doctor|team|committee)|at\s+(?:the\s+)?discretion|deemed\s+by\s+the)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StudyConductOpinion();

    /// <summary>Alternatives 7-12 of the study-conduct pattern: another study.</summary>
    [GeneratedRegex(@"\b(?:preclude[sd]?\s+(?:(?:study|trial)\s+)?(?:entry|participation|enrol+ment|completion)|preclude[sd]?\s+(?:\w+\s+){0,2}from\s+(?:participat\w+|(?:the\s+)?(?:study|trial))|(?:participat\w+|enrolled|enrol\w*)\s+in\s+(?:another|any\s+other|other|a\s+concurrent|an?\s+(?:other\s+)?(?:interventional\s+)?(?:clinical\s+)?(?:trial|study))|(?:another|other|concurrent)\s+(?:interventional\s+)?(?:clinical\s+)?(?:trial|study|studies|research)|(?:another|other|concurrent)\s+(?:(?:investigational|interventional|experimental|therapeutic|clinical|drug|device|or|and|/)\s*){1,5}(?:trial|study|studies)\b|previous(?:ly)?\s+(?:enrolled|randomi[sz]ed|participated)\s+in\s+this\s+(?:study|trial))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StudyConductOtherStudy();

    /// <summary>Alternatives 13-25 of the study-conduct pattern: the study's staff or its conduct.</summary>
    [GeneratedRegex(@"\b(?:staff|employee|sponsor|study\s+site\s+personnel|interfere\s+with\s+(?:the\s+)?(?:study|trial|interpretation|evaluation|compliance|participation|ability)|jeopardi[sz]e|compromise\s+(?:the\s+)?(?:study|patient|participant|safety|ability)|confound|safety\s+of\s+the\s+(?:patient|subject|participant)|inappropriate\s+for\s+(?:the\s+)?(?:study|participation|entry)|not\s+appropriate\s+(?:to|for)|investigational\s+(?:study|studies|trial)|participation\s+in\s+(?:\w+\s+){0,3}(?:studies|study|trials?))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StudyConductStudyRisk();

    /// <summary>Alternatives 26-40 of the study-conduct pattern: samples, suitability and legal status.</summary>
    [GeneratedRegex(@"\b(?:(?:provide|undergo|available|submit|willing)\b[^.;]{0,50}\b(?:tissue|biops\w+|tumou?r\s+samples?|specimens?)|not\s+(?:be\s+)?(?:a\s+)?(?:suitable|appropriate|good)\s+candidate|unsuitable|not\s+suitable|would\s+make\s+(?:the\s+)?(?:patient|subject)|increase\s+the\s+risk|prisoner|incarcerat\w+|institutionali[sz]ed|military|blood\s+donation|donate\s+blood|donation\s+of\s+blood|(?:prior|previous)\s+enrollment\s+in\s+this\s+(?:study|trial)|prior\s+randomi[sz]ation)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StudyConductSampleOrStatus();

    /// <summary>Every match of <see cref="MoreCriteria"/> holds one of these (lower case).</summary>
    private static readonly SearchValues<string> MoreCriteriaFragments = SearchValues.Create(["criteria", "information"], StringComparison.Ordinal);

    /// <summary>"Additional criteria may apply", "other inclusion/exclusion criteria apply", "for more information regarding ...": pointers elsewhere.</summary>
    [GeneratedRegex(@"\b(?:other|additional|further|more)\s+(?:(?:specific|study|trial)\s+)?(?:(?:inclusion|exclusion|eligibility)\s*(?:/\s*(?:inclusion|exclusion)\s*)?)?criteria\s+(?:may\s+|will\s+|also\s+)?(?:apply|exist)|\bfor\s+more\s+information\s+(?:regarding|about|on)\b|^\W*(?:inclusion|exclusion)\s*(?:/\s*(?:inclusion|exclusion)\s*)?(?:criteria)?\s*(?:may\s+)?apply", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoreCriteria();

    /// <summary>
    /// The first pointer to other criteria: "protocol-defined criteria" anywhere, or a pointer in the opening words
    /// ("See above", "Not applicable"). The opening pointers can only match at the start, so they are tried there once,
    /// and the protocol criteria, which are rare, only when the text says "protocol"; the match is the one a single
    /// pattern of the three alternatives would give (the leftmost, the protocol criteria first at the start).
    /// </summary>
    private static Match CrossReference(CriterionContext c)
    {
        var protocol = c.Lower.Contains("protocol", StringComparison.Ordinal) ? ProtocolCriteria().Match(c.Text) : Match.Empty;
        if (protocol.Success && protocol.Index == 0)
        {
            return protocol;
        }

        var opening = OpeningPointer().Match(c.Text);
        return opening.Success ? opening : protocol;
    }

    [GeneratedRegex(@"\b(?:other\s+)?protocol[- ]?(?:defined|specific)\s+(?:[\w/]+\s*){0,3}criteria", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProtocolCriteria();

    [GeneratedRegex(@"^\W*(?:see\s+(?:above|below|inclusion|exclusion|disease\s+characteristics|patient\s+characteristics|section|protocol|criteria)|as\s+(?:above|stated\s+above|listed\s+above)|not\s+applicable|n/?a|none|nil\b|no\s+(?:exclusion|inclusion)\s+criteria|no\s+eligibility\s+criteria|please\s+contact\s+site|not\s+specified|refer\s+to)|^[\w\s/,]{0,40}?(?::|--)?\s*(?:not\s+specified|see\s+(?:disease\s+characteristics|patient\s+characteristics|general\s+eligibility|above|below))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpeningPointer();
}
