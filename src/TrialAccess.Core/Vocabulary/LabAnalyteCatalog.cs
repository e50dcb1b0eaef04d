using TrialAccess.Numbers;

namespace TrialAccess.Vocabulary;

/// <summary>A laboratory analyte: its canonical name (as in <see cref="Patients.LabResult.Analyte"/>) and canonical unit.</summary>
public sealed record LabAnalyte(string Name, string Unit);

/// <summary>
/// Laboratory analytes, the names criteria give them, and conversions between the units they are written in, so that
/// "ANC >= 1500/mm3" and a result of "1.8 x 10^9/L" compare.
/// </summary>
public sealed class LabAnalyteCatalog
{
    private readonly Dictionary<string, LabAnalyte> _analytes = new(StringComparer.OrdinalIgnoreCase);

    public PhraseMatcher<string> Names { get; } = new();

    public int Count => _analytes.Count;

    public LabAnalyte? Find(string name) =>
        _analytes.TryGetValue(name, out var analyte) ? analyte : Names.TryGet(name, out var canonical) ? _analytes.GetValueOrDefault(canonical) : null;

    public void Add(LabAnalyte analyte, params IEnumerable<string> synonyms)
    {
        _analytes[analyte.Name] = analyte;
        Names.Add(analyte.Name, analyte.Name);
        foreach (var synonym in synonyms)
        {
            Names.Add(synonym, analyte.Name);
        }
    }

    /// <summary>
    /// Converts a value of the analyte to its canonical unit. A count written without a unit but above 100
    /// ("ANC >= 1500") is read per microlitre, a platelet count only from 1,500 ("platelets >= 100,000"), since platelets
    /// run to several hundred in 10^9/L ("platelets 118", "platelets >= 100"); a temperature without a unit above 45 is
    /// in °F.
    /// </summary>
    /// <returns>The value in the canonical unit, or null when the unit is not convertible for this analyte.</returns>
    public decimal? ToCanonical(string analyte, decimal value, string? unit)
    {
        var known = Find(analyte);
        if (known is null)
        {
            return null;
        }

        var u = NormaliseUnit(unit);
        if (u.Length == 0 || u == NormaliseUnit(known.Unit))
        {
            // A body temperature above 45 is not one in °C: written without a unit, it is in °F ("temperature > 100.4").
            return known.Unit == "10^9/L" && u.Length == 0 && value >= (known.Name == "platelets" ? 1500m : 100m) ? value / 1000m
                : known.Unit == "°C" && u.Length == 0 && value > 45 ? Fahrenheit(value)
                : value;
        }

        return (known.Unit, u) switch
        {
            ("10^9/L", "/mm3" or "/ul" or "cells/mm3" or "cells/ul" or "/cmm" or "/mcl") => value / 1000m,
            ("10^9/L", "10^3/ul" or "10^3/mm3" or "k/ul" or "10e9/l" or "g/l" or "10^3/mcl" or "x10^9/l") => value,
            ("10^9/L", "10^5/ul" or "10^5/mm3") => SaturatingDecimal.Multiply(value, 100m),
            ("10^9/L", "10^4/ul" or "10^4/mm3") => SaturatingDecimal.Multiply(value, 10m),
            ("g/dL", "g/l") => value / 10m,
            ("g/dL", "mmol/l") => SaturatingDecimal.Multiply(value, 1.611m),
            ("g/dL", "mg/dl") => value / 1000m,
            ("mg/dL", "umol/l" or "µmol/l" or "μmol/l" or "mcmol/l") when known.Name == "creatinine" => value / 88.4m,
            ("mg/dL", "umol/l" or "µmol/l" or "μmol/l" or "mcmol/l") when known.Name == "bilirubin" => value / 17.1m,
            ("mg/dL", "mmol/l") when known.Name == "glucose" => SaturatingDecimal.Multiply(value, 18m),
            ("mL/min", "ml/min/1.73m2" or "ml/min/1.73 m2" or "ml/minute" or "cc/min") => value,
            ("mL/min/1.73m2", "ml/min" or "ml/minute") => value,
            ("%", "percent") => value,
            ("ng/mL", "ug/l" or "µg/l") => value,
            ("ng/dL", "nmol/l") when known.Name == "testosterone" => SaturatingDecimal.Multiply(value, 28.85m),
            ("°C", "°f" or "f" or "degf" or "fahrenheit" or "degreesf") => Fahrenheit(value),
            ("kg", "lb" or "lbs" or "pound" or "pounds") => SaturatingDecimal.Multiply(value, 0.45359237m),
            ("kg", "g") => value / 1000m,
            ("cm", "m") => SaturatingDecimal.Multiply(value, 100m),
            ("cm", "in" or "inch" or "inches") => SaturatingDecimal.Multiply(value, 2.54m),
            ("/min", "bpm" or "beats/min" or "beats/minute" or "breaths/min" or "breaths/minute" or "b/min" or "perminute" or "/minute") => value,
            ("kg/m2", "kg/m²" or "kg/m^2" or "kilogramspersquaremeter" or "kilogramspersquaremetre" or "kilogram/m2" or "kilogram/squaremeter" or "kilograms/squaremeter"
                or "kilogram/squaremetre" or "kilograms/squaremetre" or "kilogrampermetersquared" or "kilogramspermetersquared" or "kilogramspermetresquared") => value,
            ("mmHg", "mmhg") => value,
            ("cells/uL", "/mm3" or "cells/mm3" or "/ul" or "cells/ul" or "/mcl") => value,
            _ => null,
        };
    }

    public static string NormaliseUnit(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return string.Empty;
        }

        var u = unit.ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("³", "3", StringComparison.Ordinal)
            .Replace("µ", "u", StringComparison.Ordinal).Replace("μ", "u", StringComparison.Ordinal).Replace("mcl", "ul", StringComparison.Ordinal)
            .Replace("×", "x", StringComparison.Ordinal).Replace("*", "x", StringComparison.Ordinal);
        if (u.StartsWith('x'))
        {
            u = u[1..];
        }

        u = u.Replace("10e", "10^", StringComparison.Ordinal).Replace("109", "10^9", StringComparison.Ordinal).Replace("103", "10^3", StringComparison.Ordinal);
        return u switch
        {
            "mm3" or "/mm^3" or "cells/mm^3" or "permm3" or "/cumm" or "/µl" => u.Contains("cells", StringComparison.Ordinal) ? "cells/mm3" : "/mm3",
            "10^9/l" or "x10^9/l" or "10^9/liter" or "giga/l" => "10^9/l",
            "10^3/ul" or "10^3/mm3" or "10^3/mm^3" or "k/ul" or "thousand/ul" => "10^3/ul",
            "gm/dl" or "g/100ml" or "g%" => "g/dl",
            "mg%" => "mg/dl",
            _ => u,
        };
    }

    public static LabAnalyteCatalog BuiltIn()
    {
        var catalog = new LabAnalyteCatalog();
        foreach (var line in Curated)
        {
            var parts = line.Split('|');
            catalog.Add(new LabAnalyte(parts[0], parts[1]), parts[2].Split(';', StringSplitOptions.RemoveEmptyEntries));
        }

        return catalog;
    }

    /// <summary>canonical name | canonical unit | other names.</summary>
    private static readonly string[] Curated =
    [
        "ANC|10^9/L|absolute neutrophil count;ANC;neutrophil count;neutrophils;absolute neutrophils;absolute granulocyte count;AGC;granulocytes;granulocyte count;polymorphonuclear cells;neutrophil",
        "WBC|10^9/L|white blood cell count;WBC;white blood cells;leukocytes;leukocyte count;white cell count;WBC count;leucocytes;white blood count",
        "platelets|10^9/L|platelets;platelet count;PLT;platelet;thrombocytes;platelet counts",
        "lymphocytes|10^9/L|absolute lymphocyte count;ALC;lymphocyte count;lymphocytes",
        "CD4 count|cells/uL|CD4 count;CD4+ count;CD4 cell count;CD4+ T-cell count;CD4 lymphocyte count;CD4+ cells;CD4 cells;CD4+ T cell count;CD4",
        "hemoglobin|g/dL|hemoglobin;haemoglobin;Hgb;Hb;HGB;hemoglobin level",
        "hematocrit|%|hematocrit;haematocrit;Hct",
        "MMSE|points|Mini-Mental State Examination;Mini Mental State Examination;Mini-Mental Status Examination;Mini Mental Status Examination;mini-mental state exam;mini mental score;mini-mental score;MMSE;MMSE score",
        "creatinine|mg/dL|serum creatinine;creatinine;SCr;plasma creatinine",
        "creatinine clearance|mL/min|creatinine clearance;CrCl;calculated creatinine clearance;measured creatinine clearance;Cockcroft-Gault;Cockcroft;Cockroft;MDRD;CLcr;creatinine clearance rate",
        "BUN|mg/dL|BUN;blood urea nitrogen;urea nitrogen;serum urea;urea",
        "eGFR|mL/min/1.73m2|eGFR;estimated glomerular filtration rate;glomerular filtration rate;GFR;estimated GFR",
        "bilirubin|mg/dL|total bilirubin;bilirubin;serum bilirubin;TBIL;T bili;serum total bilirubin;direct bilirubin;conjugated bilirubin",
        "AST|U/L|AST;aspartate aminotransferase;SGOT;aspartate transaminase;serum glutamic oxaloacetic transaminase;ASAT",
        "ALT|U/L|ALT;alanine aminotransferase;SGPT;alanine transaminase;serum glutamic pyruvic transaminase;ALAT",
        "transaminases|U/L|liver function tests;LFTs;LFT;transaminases;liver transaminases;aminotransferases;liver enzymes;AST/ALT;ALT/AST;SGOT/SGPT;SGPT/SGOT",
        "alkaline phosphatase|U/L|alkaline phosphatase;ALP;alk phos",
        "albumin|g/dL|albumin;serum albumin",
        "INR|ratio|INR;international normalized ratio;international normalised ratio",
        "PT|s|prothrombin time;PT",
        "aPTT|s|aPTT;activated partial thromboplastin time;PTT;partial thromboplastin time",
        "lipase|U/L|lipase;serum lipase",
        "amylase|U/L|amylase;serum amylase",
        "potassium|mmol/L|potassium;serum potassium;K+",
        "sodium|mmol/L|sodium;serum sodium",
        "calcium|mg/dL|calcium;serum calcium;corrected calcium",
        "magnesium|mg/dL|magnesium;serum magnesium",
        "glucose|mg/dL|glucose;fasting glucose;fasting plasma glucose;blood glucose;FPG;fasting blood glucose;FBG;fasting blood sugar;FBS;blood sugar",
        "HbA1c|%|HbA1c;hemoglobin A1c;glycated hemoglobin;glycosylated hemoglobin;A1c;haemoglobin A1c",
        "LDH|U/L|LDH;lactate dehydrogenase",
        "TSH|mIU/L|TSH;thyroid stimulating hormone;thyroid-stimulating hormone",
        "testosterone|ng/dL|testosterone;serum testosterone",
        "PSA|ng/mL|PSA;prostate-specific antigen;prostate specific antigen;serum PSA",
        "CEA|ng/mL|CEA;carcinoembryonic antigen",
        "CA-125|U/mL|CA-125;CA125;CA 125",
        "CA 19-9|U/mL|CA 19-9;CA19-9;CA 19.9;carbohydrate antigen 19-9",
        "AFP|ng/mL|AFP;alpha-fetoprotein;alpha fetoprotein",
        "beta-hCG|mIU/mL|beta-hCG;β-hCG;beta HCG;hCG",
        "troponin|ng/L|troponin;troponin I;troponin T",
        "BNP|pg/mL|BNP;NT-proBNP;brain natriuretic peptide",
        "uric acid|mg/dL|uric acid",
        "triglycerides|mg/dL|triglycerides;serum triglycerides;triglyceride;TG;TGs;fasting triglycerides;triglyceride level",
        "HDL cholesterol|mg/dL|HDL cholesterol;HDL-C;HDL;high-density lipoprotein cholesterol;high density lipoprotein cholesterol",
        "creatine kinase|U/L|creatine kinase;CK;CPK;creatine phosphokinase;creatinine phosphokinase",
        "C-peptide|nmol/L|C-peptide;C peptide;fasting C-peptide;stimulated C-peptide",
        "phosphorus|mg/dL|phosphorus;phosphate;serum phosphate;serum phosphorus",
        "GGT|U/L|GGT;gamma-glutamyl transferase;gamma glutamyl transferase;gamma-glutamyltransferase;gamma GT;gamma-GT",
        "25-hydroxyvitamin D|ng/mL|25-hydroxyvitamin D;25-OH vitamin D;25(OH)D;serum 25-hydroxyvitamin D",
        "free T4|ng/dL|free T4;FT4;free thyroxine",
        "eosinophils|cells/uL|blood eosinophil count;eosinophil count;blood eosinophils;eosinophils",
        "prolactin|ng/mL|prolactin;serum prolactin",
        "cholesterol|mg/dL|cholesterol;total cholesterol;LDL cholesterol;LDL-C;LDL",
        "proteinuria|g/24h|proteinuria;urine protein;urinary protein;protein in urine;urine protein to creatinine ratio;UPCR;UPC ratio;urine dipstick",
        "HIV viral load|copies/mL|HIV viral load;HIV RNA;HIV-1 RNA;viral load",
        "HBV DNA|IU/mL|HBV DNA;HBV viral load",
        "blasts|%|blast population;blasts;bone marrow blasts;blast count;peripheral blasts",
        "ferritin|ng/mL|ferritin;serum ferritin",
        "cortisol|ug/dL|cortisol",
        "fibrinogen|mg/dL|fibrinogen",
        "M-protein|g/dL|M-protein;monoclonal protein;serum M-protein;M protein;M-spike",
        "free light chain|mg/dL|serum free light chain;free light chain;FLC;involved free light chain",
        "body mass index|kg/m2|body mass index;BMI",
        "body weight|kg|body weight;weight",
        "height|cm|height;body height",
        "blood pressure|mmHg|blood pressure;arterial blood pressure",
        "systolic blood pressure|mmHg|systolic blood pressure;SBP;systolic BP;systolic arterial pressure;systolic arterial blood pressure",
        "diastolic blood pressure|mmHg|diastolic blood pressure;DBP;diastolic BP;diastolic arterial pressure",
        "heart rate|/min|heart rate;resting heart rate;pulse rate",
        "oxygen saturation|%|oxygen saturation;SpO2;O2 saturation;pulse oximetry;SaO2;arterial oxygen saturation;peripheral oxygen saturation;peripheral capillary oxygen saturation;O2 sat;oxygen sat",
        "FEV1|%|FEV1;FEV 1;FEV_1;forced expiratory volume",
        "respiratory rate|/min|respiratory rate;respiration rate;breathing rate",
        "temperature|°C|body temperature;temperature;core temperature",
        "LH|IU/L|LH;luteinizing hormone",
        "FSH|IU/L|FSH;follicle-stimulating hormone;follicle stimulating hormone",
        "ESR|mm/h|ESR;erythrocyte sedimentation rate;sedimentation rate",
        "CRP|mg/L|CRP;C-reactive protein;hs-CRP",
        "DLCO|%|DLCO;diffusing capacity",
    ];

    /// <summary>°F to °C, saturating (a hostile value cannot overflow).</summary>
    private static decimal Fahrenheit(decimal value) => Math.Round(SaturatingDecimal.Multiply(value, 5m / 9m) - (160m / 9m), 2);
}
