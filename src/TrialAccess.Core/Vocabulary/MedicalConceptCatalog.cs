namespace TrialAccess.Vocabulary;

/// <summary>What kind of general-medicine concept a name stands for.</summary>
public enum MedicalConceptKind
{
    Condition,
    Medication,
    Procedure,
}

/// <summary>A condition, medication or procedure: canonical name, kind, and its MeSH tree number when it came from MeSH.</summary>
/// <param name="Broader">
/// The canonical names of the concepts this one is a form of ("atrial flutter" is a cardiac arrhythmia): a patient with
/// this concept also has those, but not their other forms.
/// </param>
public sealed record MedicalConcept(string Name, MedicalConceptKind Kind, string? MeshTreeNumber = null, IReadOnlyList<string>? Broader = null);

/// <summary>
/// Conditions, medications and procedures from all of medicine, by name and synonyms, so that "history of
/// myocardial infarction" or "type 2 diabetes on insulin" become typed constraints. Enriched from MeSH and DrugBank.
/// </summary>
/// <remarks>
/// Each concept is one distinct condition, medication or procedure. A concept may name broader concepts it is a form
/// of; <see cref="WithBroader"/> gives a concept's name with every broader name above it, which is how a patient's
/// "atrial flutter" meets a criterion about "arrhythmia" while a criterion about "atrial fibrillation" stays a question.
/// </remarks>
public sealed class MedicalConceptCatalog
{
    /// <summary>Words too general to stand for a concept on their own ("disease", "syndrome").</summary>
    public static readonly IReadOnlySet<string> TooGeneral = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "disease", "diseases", "syndrome", "disorder", "disorders", "condition", "conditions", "death", "pain", "recurrence",
        "signs and symptoms", "pathologic processes", "wounds and injuries", "neoplasms", "neoplasm", "infection", "infections",
        "therapeutics", "therapy", "treatment", "patients", "drug therapy", "surgery", "surgical procedures, operative",
        "women", "men", "child", "adult", "age", "pregnancy", "disease progression", "inflammation",
        "time", "research", "population", "health", "history", "life", "diagnosis", "signs", "symptoms", "water", "light",
        "emergencies", "risk", "hormones", "lead", "iron", "oxygen", "sodium", "potassium", "calcium", "glucose",
        "cells", "blood", "serum", "plasma", "urine", "control", "placebos", "volunteers", "alcohol drinking",
        "body weight", "weight", "memory", "orientation", "attention", "language", "reading", "writing", "behavior", "motivation",
        "consciousness", "walking", "running", "exercise", "sleep", "eating", "diet", "fasting", "hearing", "vision", "touch",
    };

    private readonly Dictionary<string, MedicalConcept> _byName = new(StringComparer.OrdinalIgnoreCase);

    public PhraseMatcher<MedicalConcept> Names { get; } = new();

    public int Count => Names.Count;

    public void Add(MedicalConcept concept, params IEnumerable<string> synonyms)
    {
        _byName.TryAdd(concept.Name, concept);
        if (!TooGeneral.Contains(concept.Name))
        {
            Names.Add(concept.Name, concept);
        }

        foreach (var synonym in synonyms)
        {
            if (!TooGeneral.Contains(synonym))
            {
                Names.Add(synonym, concept);
                if (PluralOf(synonym) is { } plural && !TooGeneral.Contains(plural))
                {
                    Names.Add(plural, concept);
                }
            }
        }
    }

    /// <summary>
    /// The plural of a name ("electrolyte disorder" gives "electrolyte disorders", "tremor" gives "tremors"), so that
    /// criteria and notes that name conditions in the plural read as the singular does; null for names shorter than six
    /// letters, abbreviations, single words not all in lower case, and names that end in s as plurals do. Nouns ending in "-sis" and "-ss" are singular and take their own plural ("renal
    /// artery stenoses", "serious illnesses"). A plural the vocabulary names itself keeps its own concept (the first
    /// added wins).
    /// </summary>
    private static string? PluralOf(string name)
    {
        var space = name.LastIndexOf(' ');
        var last = name[(space + 1)..];
        if (name.Length < 6 || !last.All(char.IsLetter) || last.All(char.IsUpper) || (space < 0 && !last.All(char.IsLower)))
        {
            return null;
        }

        if (name.EndsWith("ch", StringComparison.Ordinal) || name.EndsWith("sh", StringComparison.Ordinal) || name.EndsWith('x'))
        {
            return name + "es";
        }

        if (name.EndsWith("sis", StringComparison.Ordinal))
        {
            return name[..^2] + "es";
        }

        if (name.EndsWith("ss", StringComparison.Ordinal))
        {
            return name + "es";
        }

        if (name.EndsWith('s'))
        {
            return null;
        }

        return name.EndsWith('y') && !"aeiou".Contains(name[^2], StringComparison.Ordinal) ? name[..^1] + "ies" : name + "s";
    }

    /// <summary>The concept's name followed by the names of every broader concept above it, each once.</summary>
    public IEnumerable<string> WithBroader(MedicalConcept concept)
    {
        yield return concept.Name;
        if (concept.Broader is not { Count: > 0 })
        {
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { concept.Name };
        var pending = new Queue<string>(concept.Broader);
        while (pending.TryDequeue(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            yield return name;
            if (_byName.TryGetValue(name, out var broader) && broader.Broader is { } above)
            {
                foreach (var next in above)
                {
                    pending.Enqueue(next);
                }
            }
        }
    }

    /// <summary>True when <paramref name="concept"/> is <paramref name="broader"/> or a form of it (by canonical names).</summary>
    public bool IsWithin(string concept, string broader) =>
        concept.Equals(broader, StringComparison.OrdinalIgnoreCase)
        || (_byName.TryGetValue(concept, out var known) && WithBroader(known).Contains(broader, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// True when the concept is a sign, symptom or finding rather than a diagnosis: MeSH "Signs and Symptoms" (C23.888)
    /// or <see cref="CuratedGeneralMedicine.SignsAndSymptoms"/>.
    /// </summary>
    public bool IsSignOrSymptom(string concept) =>
        CuratedGeneralMedicine.SignsAndSymptoms.Contains(concept)
        || (_byName.TryGetValue(concept, out var known) && known.MeshTreeNumber?.StartsWith("C23.888", StringComparison.Ordinal) == true);

    /// <summary>The organ-system and kind categories of the built-in vocabulary and the conditions each holds (see <see cref="CuratedGeneralMedicine.Categories"/>).</summary>
    public static IReadOnlyDictionary<string, string[]> Categories => CuratedGeneralMedicine.Categories;

    public static MedicalConceptCatalog BuiltIn()
    {
        var catalog = new MedicalConceptCatalog();
        var categoriesOf = CuratedGeneralMedicine.Categories
            .SelectMany(category => category.Value.Select(member => (Member: member, Category: category.Key)))
            .ToLookup(pair => pair.Member, pair => pair.Category, StringComparer.OrdinalIgnoreCase);
        foreach (var (lines, kind) in new[]
        {
            (CuratedConditions, MedicalConceptKind.Condition), (CuratedProcedures, MedicalConceptKind.Procedure), (CuratedMedications, MedicalConceptKind.Medication),
            (CuratedGeneralMedicine.Conditions, MedicalConceptKind.Condition), (CuratedGeneralMedicine.Procedures, MedicalConceptKind.Procedure), (CuratedGeneralMedicine.Medications, MedicalConceptKind.Medication),
        })
        {
            foreach (var line in lines)
            {
                // canonical | synonyms | broader concepts
                var parts = line.Split('|');
                var broader = parts.Length > 2 ? parts[2].Split(';', StringSplitOptions.RemoveEmptyEntries) : null;
                if (kind == MedicalConceptKind.Condition && categoriesOf.Contains(parts[0]))
                {
                    broader = [.. (broader ?? []).Concat(categoriesOf[parts[0]]).Distinct(StringComparer.OrdinalIgnoreCase)];
                }

                catalog.Add(new MedicalConcept(parts[0], kind, Broader: broader), parts.Length > 1 ? parts[1].Split(';', StringSplitOptions.RemoveEmptyEntries) : []);
            }
        }

        return catalog;
    }

    /// <summary>canonical condition | synonyms | broader concepts (see <see cref="CuratedGeneralMedicine"/>).</summary>
    private static readonly string[] CuratedConditions =
    [
        "myocardial infarction|myocardial infarction;heart attack;MI;acute myocardial infarction;myocardial infarctions",
        "unstable angina|unstable angina;acute coronary syndrome;ACS",
        "angina pectoris|angina;angina pectoris;stable angina",
        "coronary artery disease|coronary artery disease;coronary heart disease;ischemic heart disease;ischaemic heart disease;CAD;coronary disease",
        "heart failure|heart failure;congestive heart failure;CHF;cardiac failure;cardiac insufficiency;NYHA class III;NYHA class IV;NYHA class III or IV;NYHA Class II",
        "cardiomyopathy|cardiomyopathy;cardiomyopathies",
        "cardiac arrhythmia|arrhythmia;arrhythmias;cardiac arrhythmia;cardiac arrhythmias;dysrhythmia;dysrhythmias;irregular heart rate;irregular heartbeat;irregular heart rhythm;irregular heart beat",
        "ventricular arrhythmia|ventricular arrhythmia;ventricular arrhythmias|cardiac arrhythmia",
        "ventricular tachycardia|ventricular tachycardia;VT|ventricular arrhythmia;tachycardia",
        "ventricular fibrillation|ventricular fibrillation;VF|ventricular arrhythmia",
        "atrial fibrillation|atrial fibrillation;AF;AFib|cardiac arrhythmia",
        "atrial flutter|atrial flutter|cardiac arrhythmia",
        "heart block|heart block;atrioventricular block;AV block;second degree heart block;third degree heart block|cardiac conduction abnormality",
        "long QT syndrome|long QT syndrome;congenital long QT syndrome;long or short QT syndrome",
        "QT prolongation|QT prolongation;prolonged QT;QTc prolongation;prolonged QTc",
        "Brugada syndrome|Brugada syndrome|cardiac arrhythmia",
        "torsades de pointes|torsade de pointes;torsades de pointes;TdP|ventricular tachycardia",
        "valvular heart disease|valvular heart disease;valve disease;heart valve disease;valvular disease;valvular heart disorder",
        "aortic stenosis|aortic stenosis;aortic valve stenosis|valvular heart disease",
        "mitral regurgitation|mitral regurgitation;mitral valve regurgitation|valvular heart disease",
        "hypertension|hypertension;high blood pressure;arterial hypertension;uncontrolled hypertension;hypertensive",
        "hypotension|hypotension;low blood pressure;hypotensive",
        "pulmonary hypertension|pulmonary hypertension;pulmonary arterial hypertension;PAH",
        "stroke|stroke;cerebrovascular accident;CVA;cerebral infarction;cerebrovascular disease;ischemic stroke;hemorrhagic stroke;cerebrovascular event",
        "transient ischemic attack|transient ischemic attack;TIA;transient ischaemic attack",
        "peripheral vascular disease|peripheral vascular disease;peripheral arterial disease;PAD;peripheral artery disease",
        "aneurysm|aneurysm;aneurysms",
        "aortic aneurysm|aortic aneurysm;abdominal aortic aneurysm|aneurysm",
        "aortic dissection|aortic dissection",
        "venous thromboembolism|thromboembolic disease;venous thromboembolism;VTE;thromboembolism;thromboembolic event;thromboembolic events;thrombosis;arterial thrombosis",
        "deep vein thrombosis|deep vein thrombosis;deep venous thrombosis;DVT",
        "pulmonary embolism|pulmonary embolism;PE;pulmonary emboli;pulmonary embolus",
        "bleeding disorder|bleeding disorder;bleeding diathesis;coagulopathy;hemophilia;haemophilia;von Willebrand disease;bleeding tendency",
        "hemorrhage|hemorrhage;haemorrhage;bleeding;bleedings;active bleeding;gastrointestinal bleeding;GI bleeding;hemoptysis;haemoptysis",
        "anemia|anemia;anaemia",
        "iron deficiency|iron deficiency",
        "iron deficiency anemia|iron deficiency anemia;iron deficiency anaemia;iron-deficiency anemia|anemia;iron deficiency",
        "sickle cell disease|sickle cell disease;sickle cell anemia;sickle cell anaemia;HbSS;Hb SS;HgbSS;Hgb SS;HbSC;Hb SC;HgbSC;Hgb SC;HbS-beta thalassemia;HbS-beta0 thalassemia;HgbS-beta thalassemia;HgbS-beta0 thalassemia;HbS beta thalassemia;sickle beta thalassemia;sickle-beta thalassemia;sickle beta-thalassemia;S-beta thalassemia;Sbeta-thal;S-beta thal;sickle cell-beta thalassemia;sickle cell beta thalassemia|anemia",
        "sickle cell crisis|sickle cell crisis;sickle cell crises;sickle crisis;sickle crises;sickle cell pain crisis;sickle cell pain crises;vaso-occlusive crisis;vaso-occlusive crises;vasoocclusive crisis;vasoocclusive crises;vaso-occlusive pain crisis;vaso-occlusive pain crises;vaso-occlusive pain episode;vaso-occlusive pain episodes;painful crisis;painful crises;pain crisis;pain crises|sickle cell disease",
        "thalassemia|thalassemia;thalassaemia",
        "type 1 diabetes|type 1 diabetes;type 1 diabetes mellitus;T1DM;insulin-dependent diabetes;IDDM;juvenile diabetes|diabetes mellitus",
        "type 2 diabetes|type 2 diabetes;type 2 diabetes mellitus;T2DM;non-insulin-dependent diabetes;NIDDM;adult-onset diabetes;T2D|diabetes mellitus",
        "diabetes mellitus|diabetes;diabetes mellitus;diabetic;uncontrolled diabetes;DM",
        "obesity|obesity;obese;morbid obesity;overweight",
        "hyperlipidemia|hyperlipidemia;dyslipidemia;hypercholesterolemia;hypertriglyceridemia",
        "hypothyroidism|hypothyroidism;hypothyroid|thyroid disease",
        "hyperthyroidism|hyperthyroidism;thyrotoxicosis|thyroid disease",
        "Graves disease|Graves disease;Graves' disease|hyperthyroidism",
        "Hashimoto thyroiditis|Hashimoto thyroiditis;Hashimoto's thyroiditis;Hashimotos thyroiditis;Hashimoto disease;Hashimoto's disease;chronic lymphocytic thyroiditis;autoimmune thyroiditis|thyroid disease",
        "thyroid disease|thyroid disease;thyroid disorder;thyroid dysfunction",
        "adrenal insufficiency|adrenal insufficiency;Addison's disease;Addison disease;hypoadrenalism",
        "osteoporosis|osteoporosis",
        "osteopenia|osteopenia",
        "chronic kidney disease|kidney problems;renal problems;chronic kidney disease;CKD;renal insufficiency;renal failure;kidney failure;renal impairment;end-stage renal disease;ESRD;kidney disease;renal disease;dialysis;hemodialysis;renal dysfunction",
        "nephrotic syndrome|nephrotic syndrome",
        "glomerulonephritis|glomerulonephritis",
        "liver cirrhosis|cirrhosis;liver cirrhosis;hepatic cirrhosis;Child-Pugh B;Child-Pugh C;Child-Pugh class B;Child-Pugh class C|liver disease",
        "liver disease|liver problems;hepatocellular disease;hepatic problems;liver disease;hepatic disease;hepatic impairment;liver dysfunction;hepatic dysfunction;liver failure;hepatic failure;hepatic insufficiency;liver insufficiency;chronic liver disease",
        "nonalcoholic fatty liver disease|fatty liver;fatty liver disease;NAFLD;nonalcoholic fatty liver disease;non-alcoholic fatty liver disease;hepatic steatosis|liver disease",
        "nonalcoholic steatohepatitis|NASH;nonalcoholic steatohepatitis;non-alcoholic steatohepatitis|nonalcoholic fatty liver disease",
        "hepatic encephalopathy|hepatic encephalopathy|liver disease;encephalopathy",
        "autoimmune hepatitis|autoimmune hepatitis",
        "pancreatitis|pancreatitis;acute pancreatitis;chronic pancreatitis",
        "enteritis|enteritis;chronic enteritis",
        "inflammatory bowel disease|inflammatory bowel disease;IBD",
        "Crohn disease|Crohn's disease;Crohn disease;Crohns disease|inflammatory bowel disease",
        "ulcerative colitis|ulcerative colitis|inflammatory bowel disease;colitis",
        "colitis|colitis",
        "bowel obstruction|bowel obstruction;intestinal obstruction;small bowel obstruction;ileus",
        "gastrointestinal perforation|perforation;gastrointestinal perforation;GI perforation;bowel perforation;intestinal perforation;fistula;abdominal fistula;tracheoesophageal fistula",
        "peptic ulcer|peptic ulcer;peptic ulcer disease;gastric ulcer;duodenal ulcer",
        "malabsorption|swallow oral medication;swallow study medication;swallow tablets;swallow capsules;able to swallow;ability to swallow;unable to take oral medication;unable to take medications by mouth;inability to take oral medication;unable to take oral medications;malabsorption;malabsorption syndrome;inability to swallow;unable to swallow;cannot take medications by mouth;cannot take oral medication;unable to tolerate oral medication;inability to tolerate oral medication;unable to ingest oral medication;inability to tolerate any oral intake",
        "celiac disease|celiac disease;coeliac disease",
        "gastroesophageal reflux|gastroesophageal reflux;GERD;reflux disease",
        "obstructive airway disease|obstructive airway disease;obstructive airways disease;obstructive lung disease;airway obstruction;airflow obstruction;obstructive pulmonary disease",
        "chronic obstructive pulmonary disease|chronic obstructive pulmonary disease;COPD;emphysema;chronic bronchitis|obstructive airway disease",
        "asthma|asthma;bronchial asthma|obstructive airway disease",
        "interstitial lung disease|interstitial lung disease;ILD",
        "pulmonary fibrosis|pulmonary fibrosis|interstitial lung disease",
        "idiopathic pulmonary fibrosis|idiopathic pulmonary fibrosis;IPF|pulmonary fibrosis",
        "pneumonitis|pneumonitis;non-infectious pneumonitis;noninfectious pneumonitis",
        "radiation pneumonitis|radiation pneumonitis|pneumonitis",
        "respiratory failure|respiratory failure;respiratory insufficiency;oxygen dependence;supplemental oxygen",
        "sleep apnea|sleep apnea;obstructive sleep apnea;OSA;sleep apnoea",
        "pneumonia|pneumonia;community-acquired pneumonia",
        "tuberculosis|tuberculosis;TB;active tuberculosis;latent tuberculosis;mycobacterium tuberculosis",
        "sepsis|sepsis;septicemia;septicaemia",
        "septic shock|septic shock|sepsis;shock",
        "bacteremia|bacteremia;bacteraemia",
        "COVID-19|COVID-19;SARS-CoV-2;COVID;coronavirus disease 2019",
        "influenza|influenza;flu",
        "active infection|active infection;uncontrolled infection;serious infection;systemic infection;infection requiring systemic therapy;active infections;infection requiring intravenous antibiotics;ongoing infection;severe infection;acute infection;current infection",
        "urinary tract infection|urinary tract infection;UTI;pyelonephritis",
        "fungal infection|fungal infection;fungal infections",
        "herpes zoster|herpes zoster;shingles;zoster",
        "cytomegalovirus infection|cytomegalovirus;CMV;CMV infection",
        "autoimmune disease|autoimmune disease;autoimmune disorder;autoimmune diseases;autoimmune disorders;active autoimmune disease;autoimmune condition",
        "rheumatoid arthritis|rheumatoid arthritis;RA",
        "systemic lupus erythematosus|systemic lupus erythematosus;SLE;lupus;lupus erythematosus",
        "psoriasis|psoriasis",
        "psoriatic arthritis|psoriatic arthritis|arthritis",
        "multiple sclerosis|multiple sclerosis",
        "myasthenia gravis|myasthenia gravis",
        "vasculitis|vasculitis",
        "sarcoidosis|sarcoidosis",
        "scleroderma|scleroderma;systemic sclerosis",
        "Sjogren syndrome|Sjogren's syndrome;Sjogren syndrome",
        "osteoarthritis|osteoarthritis;degenerative joint disease",
        "gout|gout",
        "organ transplant|organ transplant;organ transplantation;solid organ transplant;allograft;kidney transplant;liver transplant;transplant recipient;organ allograft",
        "graft-versus-host disease|graft-versus-host disease;GVHD;graft versus host disease",
        "immunodeficiency|immune suppression;immunosuppressed;immunodeficiency;immunocompromised;immune deficiency;primary immunodeficiency;immunosuppression",
        "seizure|seizure;seizures;convulsions;convulsion;seizure episode",
        "epilepsy|epilepsy;seizure disorder;seizure disorders;epileptic;epileptic seizures;convulsive disorder|seizure",
        "dementia|dementia",
        "Alzheimer disease|Alzheimer's disease;Alzheimer disease;Alzheimers disease|dementia",
        "cognitive impairment|cognitive deficits;cognitive deficit;cognitive impairment",
        "mild cognitive impairment|mild cognitive impairment;MCI|cognitive impairment",
        "Parkinson disease|Parkinson's disease;Parkinson disease;parkinsonism|movement disorder",
        "peripheral neuropathy|peripheral neuropathy;neuropathy;polyneuropathy;sensory neuropathy;neurotoxicity;sensory neurotoxicity;motor neurotoxicity",
        "intracranial hypertension|increased intracranial pressure;intracranial pressure;intracranial hypertension",
        "venous access|venous access;inadequate venous access;poor venous access",
        "spinal cord compression|spinal cord compression;cord compression",
        "leptomeningeal disease|leptomeningeal disease;leptomeningeal metastases;leptomeningeal carcinomatosis;carcinomatous meningitis;meningeal carcinomatosis;cancerous meningitis;neoplastic meningitis;lymphomatous meningitis",
        "headache|headache;headaches;cephalalgia;head pain",
        "migraine|migraine;migraines|headache",
        "traumatic brain injury|traumatic brain injury;TBI;head injury",
        "depression|depression;major depressive disorder;MDD;depressive disorder;depressive episode",
        "bipolar disorder|bipolar disorder;bipolar;manic depression",
        "psychotic disorder|psychosis;psychotic disorder;psychotic disorders",
        "schizophrenia|schizophrenia|psychotic disorder",
        "schizoaffective disorder|schizoaffective disorder|psychotic disorder",
        "anxiety disorder|anxiety;anxiety disorder;anxiety disorders",
        "generalized anxiety disorder|generalized anxiety disorder;generalised anxiety disorder;GAD|anxiety disorder",
        "panic disorder|panic disorder|anxiety disorder",
        "post-traumatic stress disorder|post-traumatic stress disorder;PTSD",
        "psychiatric illness|mental disorder;mental disorders;psychiatric illness;psychiatric disorder;mental illness;psychiatric disease;psychiatric condition;mental disorder;psychiatric illness/social situations;psychiatric disorders",
        "substance use disorder|substance abuse;substance use disorder;substance use;substance dependence;chemical dependency;drug or alcohol dependence;alcohol or drug dependence;alcohol or drug abuse;drug or alcohol abuse;addiction;addictive disorder;substance misuse",
        "alcohol use disorder|alcohol abuse;alcoholism;alcohol dependence;alcohol use disorder;abuse alcohol;abuse of alcohol;alcohol misuse;alcohol treatment program;alcoholic;alcoholics;alcohol addiction;heavy drinking;heavy drinker;heavy drinkers;drinks heavily;heavy alcohol use;heavy alcohol consumption;heavy alcohol intake;excessive alcohol use;excessive alcohol consumption;excessive alcohol intake;excessive drinking;binge drinking;EtOH abuse|substance use disorder;alcohol consumption",
        "alcohol consumption|alcohol consumption;alcohol intake;alcoholic drinks;alcoholic beverages;alcohol use;drinks alcohol;drink alcohol;drinking alcohol;drank alcohol;consumes alcohol;consume alcohol;consuming alcohol;alcohol consumer;social drinker;social drinking;drinks socially;drinker;drinkers;alcohol drinker;units of alcohol;beers per week;beers a week;beers per day;beer per day;beer a day;glasses of wine;drinks per week;drinks a week;drinks per day;drinks a day;EtOH use;EtOH",
        "drug use disorder|drug abuse;drug addiction;drug dependence;abuse drugs;abuse of drugs;drug misuse|substance use disorder;illicit drug use",
        "opioid use disorder|opioid use disorder;opioid addiction;opioid dependence;opiate addiction;opiate dependence|drug use disorder",
        "illicit drug use|illicit drug use;recreational drug use;injection drug use;intravenous drug use;IV drug use;injecting drug use;IV drug user;IV drug users;injection drug user;injection drug users;intravenous drug user;intravenous drug users;drug user;drug users;illicit drug user;illicit drug users;use illicit drugs;uses illicit drugs;used illicit drugs;use of illicit drugs;use any illicit drugs;uses any illicit drugs;street drug use",
        "autism spectrum disorder|autism;autism spectrum disorder;ASD",
        "attention deficit hyperactivity disorder|ADHD;attention deficit hyperactivity disorder;attention-deficit/hyperactivity disorder",
        "eating disorder|eating disorder;eating disorders",
        "anorexia nervosa|anorexia nervosa|eating disorder",
        "bulimia nervosa|bulimia;bulimia nervosa|eating disorder",
        "insomnia|insomnia;sleeplessness;difficulty sleeping;trouble sleeping;difficulty falling asleep",
        "cachexia|cachexia;weight loss",
        "allergy|allergic;allergic to;allergy;hypersensitivity;allergic reaction;anaphylaxis;known hypersensitivity;allergies;intolerance",
        "allergic rhinitis|allergic rhinitis;seasonal allergic rhinitis;perennial allergic rhinitis;hay fever;hayfever;pollinosis|allergy",
        "cataract|cataract;cataracts",
        "glaucoma|glaucoma",
        "macular degeneration|macular degeneration;AMD;age-related macular degeneration",
        "diabetic retinopathy|diabetic retinopathy;retinopathy",
        "hearing loss|hearing loss;deafness;impaired hearing;hearing impairment;hearing deficit",
        "infertility|infertility",
        "endometriosis|endometriosis",
        "polycystic ovary syndrome|polycystic ovary syndrome;PCOS",
        "menopause|menopause;postmenopausal;post-menopausal;postmenopausal women;menopausal;post menopausal;postmenopause;after menopause;menopausal women;menopausal woman",
        "perimenopause|perimenopause;perimenopausal;peri-menopausal;menopausal transition",
        "premenopause|premenopausal;pre-menopausal;premenopause",
        "benign prostatic hyperplasia|benign prostatic hyperplasia;BPH;benign prostatic hypertrophy;benign prostatic enlargement;BPE;enlarged prostate;prostatic enlargement;prostate enlargement",
        "urinary incontinence|urinary incontinence;incontinence;overactive bladder",
        "erectile dysfunction|erectile dysfunction",
        "chronic pain|chronic pain;low back pain;back pain;neuropathic pain;cancer pain",
        "fibromyalgia|fibromyalgia",
        "dermatitis|dermatitis;eczema;atopic dermatitis",
        "wound|non-healing wound;unhealed wound;wound dehiscence;ulcer;skin ulcer;serious non-healing wound",
        "trauma|trauma;severe trauma;traumatic injury;traumatic injuries;injuries",
        "urinary obstruction|urinary obstruction;ureteral obstruction;hydronephrosis",
        "urinary retention|urinary retention;acute urinary retention;chronic urinary retention;retention of urine|lower urinary tract symptoms",
        "bone fracture|fracture;bone fracture;pathologic fracture;fractures",
        "hypercalcemia|hypercalcemia;hypercalcaemia|electrolyte imbalance",
        "electrolyte imbalance|electrolyte abnormalities;electrolyte abnormality;electrolyte imbalance;electrolyte disturbance;electrolyte disturbances;electrolyte disorder",
        "hypokalemia|hypokalemia;hypokalaemia|electrolyte imbalance",
        "hypomagnesemia|hypomagnesemia;hypomagnesaemia|electrolyte imbalance",
        "hyponatremia|hyponatremia;hyponatraemia|electrolyte imbalance",
        "hypocalcemia|hypocalcemia;hypocalcaemia|electrolyte imbalance",
        "hyperglycemia|hyperglycemia;hyperglycaemia",
        "dehydration|dehydration",
        "pleural effusion|pleural effusion;effusion;third space fluid",
        "pericardial effusion|pericardial effusion",
        "ascites|ascites;ascites requiring drainage",
        "superior vena cava syndrome|superior vena cava syndrome;SVC syndrome",
        "lymphedema|lymphedema;lymphoedema",
        "smoking|current smoker;smoker;smokers;nonsmoker;nonsmokers;non smoker;non smokers;never-smoker;never-smokers;smokes;smoked;cigarette;pack-years;pack-year;pack years;tobacco use;cigarette smoking;active smoker;ever smoker;never smoker;non-smoker;cigarettes;tobacco;tobacco products;tobacco smoking;cigarette smokers",
        "mucositis|mucositis;stomatitis",
        "diarrhea|diarrhea;diarrhoea;chronic diarrhea;loose stools;loose stool;loose bowel movements;watery stools",
        "nausea|nausea;nauseous;nauseated;queasiness",
        "vomiting|vomiting;emesis;throwing up;vomited",
        "nausea and vomiting|nausea and vomiting|nausea;vomiting",
        "fatigue|fatigue;tiredness;lack of energy;loss of energy;lassitude;low energy;exhaustion",
        "neutropenia|neutropenia;neutropenic",
        "febrile neutropenia|febrile neutropenia|neutropenia",
        "thrombocytopenia|thrombocytopenia;low platelet count;thrombocytopenic",
        "malnutrition|malnutrition;malnourished;undernutrition;low albumin",
        "lymphopenia|lymphopenia",
        "toxicity from prior therapy|recovered from the effects;recovered from prior therapy;recovered from the toxic effects;recovered from toxicities;recovered from all toxicities;recovered from acute toxicities;recovery from prior;resolution of toxicities;resolution of all acute toxic effects;toxicities from prior therapy;unresolved toxicity;residual toxicity;CTCAE grade 2;CTCAE grade 1;CTCAE Grade;toxicities;adverse events from prior;toxicity;adverse events",
        "immune-related adverse event|immune-related adverse event;immune-related adverse events;irAE;immune related adverse events",
        "intercurrent illness|intercurrent illness;uncontrolled intercurrent illness;serious medical illness;serious medical condition;significant medical condition;uncontrolled medical condition;serious illness;concurrent illness;comorbidity;comorbidities;concurrent medical condition;serious concomitant disease;uncontrolled illness;significant comorbidity;serious concurrent illness;serious concurrent disease;concurrent serious disease;other serious disease;other medical condition;other serious medical condition;serious concomitant illness;co-morbid condition;medical illness;systemic disease;underlying medical condition;medical condition;medical problem;medical disorder;medical disease;medical illnesses;intercurrent medical condition;unstable medical condition;major medical illness;systemic illness;serious systemic illness;co-existing condition;coexisting condition;co-existing medical condition;coexisting medical condition;co-existing disease;coexisting disease",
        "cardiovascular disease|cardiovascular disease;cardiac disease;heart disease;cardiovascular disorder;clinically significant cardiovascular disease;significant cardiac disease;cardiac dysfunction;cardiovascular condition;cardiac condition;cardiac illness;heart condition;cardiac abnormalities;cardiovascular conditions;cardiac conditions;heart problems;cardiac problems",
        "pulmonary disease|pulmonary disease;lung disease;respiratory disease;chronic lung disease",
        "gastrointestinal disease|gastrointestinal disease;gastrointestinal disorder;GI disease;gastrointestinal disorders",
        "neurological disorder|neurological disorder;neurologic disease;neurological disease;CNS disease;neurologic disorder;neurological condition",
        "hepatic disease|hepatobiliary disease",
        "bone marrow failure|bone marrow failure;aplastic anemia;marrow failure",
        "hemophagocytic lymphohistiocytosis|hemophagocytic lymphohistiocytosis;HLH",
        "cytokine release syndrome|cytokine release syndrome;CRS",
        "dental disease|dental disease;periodontal disease;osteonecrosis of the jaw;ONJ;dental problems",
        "cognitive ability|cognitive impairment;unable to understand;inability to comply;unable to comply;unwilling or unable to comply;unable to cooperate",
        "visual impairment|visual impairment;blindness",
        "pregnancy complication|preeclampsia;gestational diabetes",
        "sexual dysfunction|sexual dysfunction",
        "HPV infection|HPV infection",
        "syphilis|syphilis",
        "malaria|malaria",
        "hepatitis|hepatitis;viral hepatitis;active hepatitis",
        "Pneumocystis pneumonia|Pneumocystis pneumonia;Pneumocystis carinii pneumonia;Pneumocystis jirovecii pneumonia;PCP",
        "healthy volunteer|healthy volunteer;healthy volunteers;healthy subjects;healthy;normal history and physical;good general health",
        "high-risk sexual behavior|high risk sexual behavior;risk sexual behavior;sexual behavior;sexual partners;multiple sexual partners;sexual partner;high-risk partner;high risk partner",
        "sexually transmitted disease|sexually transmitted disease;sexually transmitted diseases;sexually transmitted infection;STD;STI",
        "fever|fever;febrile;pyrexia;fevers;feverish;pyrexial;high temperature",
        "intellectual disability|mental retardation;intellectual disability",
        "developmental delay|developmental delay;developmental delays",
        "coma|coma;comatose",
    ];

    private static readonly string[] CuratedProcedures =
    [
        "major surgery|major surgery;major surgical procedure;major surgical procedures;surgical procedure;surgery;operation;surgically;surgical resection;resection;surgical intervention;major operation",
        "stem cell transplant|stem cell transplant;stem cell transplantation;hematopoietic stem cell transplant;HSCT;bone marrow transplant;bone marrow transplantation;BMT;allogeneic transplant;autologous transplant;allogeneic stem cell transplant;autologous stem cell transplant;ASCT;allo-HSCT;allogeneic hematopoietic cell transplantation;hematopoietic cell transplant",
        "radiotherapy|radiotherapy;radiation therapy;radiation;irradiation;RT;stereotactic radiosurgery;SRS;SBRT;stereotactic body radiotherapy;whole brain radiotherapy;WBRT;palliative radiotherapy;external beam radiation;radiation treatment;chemoradiation;chemoradiotherapy;brachytherapy",
        "mastectomy|mastectomy;lumpectomy;breast-conserving surgery;breast conserving surgery",
        "prostatectomy|prostatectomy;radical prostatectomy",
        "lobectomy|lobectomy;pneumonectomy;lung resection",
        "colectomy|colectomy;hemicolectomy",
        "hysterectomy|hysterectomy;oophorectomy;bilateral oophorectomy;salpingo-oophorectomy",
        "orchiectomy|orchiectomy;surgical castration",
        "coronary revascularization|coronary revascularization;coronary artery bypass graft;coronary artery bypass grafting;coronary artery bypass surgery;coronary bypass surgery;CABG;percutaneous coronary intervention;PCI;angioplasty;coronary stenting;stent placement",
        "pacemaker|pacemaker;pacemakers;cardiac pacemaker|implanted cardiac device",
        "mechanical ventilation|mechanical ventilation;intubation;ventilator",
        "dialysis|dialysis;hemodialysis;peritoneal dialysis",
        "transfusion|transfusion;blood transfusion;red blood cell transfusion;platelet transfusion;transfusions",
        "central venous catheter|central venous catheter;central line;port-a-cath;PICC",
        "MRI contraindication|contraindication to MRI;contraindications to MRI;contraindication for MRI;contraindications for MRI;contraindication to magnetic resonance imaging;contraindications to magnetic resonance imaging;metallic implants;contraindication to contrast",
        "endoscopy|endoscopy;colonoscopy;gastroscopy;bronchoscopy",
        "bariatric surgery|bariatric surgery;gastric bypass;gastrectomy",
        "organ transplantation|transplantation",
        "tracheostomy|tracheostomy",
        "leukapheresis|leukapheresis;apheresis",
        "anesthesia|anesthesia;general anesthesia;anaesthesia;anesthetics;general anesthetics",
        "vaccination|vaccination;vaccine;vaccines;immunization;flu shot;flu vaccine;influenza vaccine;influenza vaccination;flu vaccination;vaccinated;immunized",
        "hormone replacement therapy|hormone replacement therapy;HRT;estrogen replacement",
        "oral contraceptives|oral contraceptives;hormonal contraception;birth control pills",
    ];

    private static readonly string[] CuratedMedications =
    [
        "antiretroviral therapy|anti-retroviral therapy;antiretroviral therapy;ART;HAART;antiretroviral;antiretrovirals;antiretroviral drugs",
        "antibiotics|antibacterial therapy;antibacterial agents;antibacterials;antibiotics;antibiotic;antimicrobial therapy;intravenous antibiotics;antibiotic therapy",
        "antiviral therapy|antiviral therapy;antivirals;antiviral",
        "antifungal therapy|antifungal;antifungals;antifungal therapy",
        "antidepressants|antidepressants;antidepressant;anti-depressants",
        "selective serotonin reuptake inhibitors|SSRI;SSRIs;selective serotonin reuptake inhibitors|antidepressants",
        "antipsychotics|antipsychotics;antipsychotic;neuroleptics;neuroleptic",
        "anticonvulsants|anticonvulsants;antiepileptic drugs;antiepileptics;enzyme-inducing antiepileptic drugs;EIAED;anti-epileptic drugs;antiseizure medication",
        "opioids|opioids;opioid;opiates;opiate;narcotics;narcotic analgesics;morphine;oxycodone;fentanyl",
        "NSAIDs|NSAIDs;NSAID;non-steroidal anti-inflammatory drugs;nonsteroidal anti-inflammatory drugs;nonsteroidal anti-inflammatory agents;non-steroidal anti-inflammatory agents;ibuprofen",
        "statins|statins;statin;HMG-CoA reductase inhibitors",
        "atorvastatin|atorvastatin;Lipitor|statins",
        "simvastatin|simvastatin;Zocor|statins",
        "antihypertensives|antihypertensive;antihypertensives;antihypertensive medication;antihypertensive medications;antihypertensive therapy;antihypertensive drugs",
        "QT-prolonging drugs|QT-prolonging drugs;drugs that prolong the QT interval;QT prolonging medications;medications known to prolong QT;QTc-prolonging;drugs known to prolong the QT",
        "proton pump inhibitors|proton pump inhibitors;PPI;PPIs",
        "omeprazole|omeprazole;Prilosec|proton pump inhibitors",
        "herbal supplements|diet supplements;herbal supplements;herbal medicine;herbal remedies;herbal medications;herbal preparations;herbal therapies;dietary supplements;St. John's Wort;traditional Chinese medicine;herbal products;alternative medicine",
        "growth factors|growth factors;hematopoietic growth factors;colony-stimulating factors;colony stimulating factors",
        "G-CSF|G-CSF;granulocyte colony-stimulating factor;filgrastim;pegfilgrastim|growth factors",
        "GM-CSF|GM-CSF;granulocyte-macrophage colony-stimulating factor|growth factors",
        "bisphosphonates|bisphosphonates;bisphosphonate",
        "immunoglobulin|immunoglobulin;IVIG;intravenous immunoglobulin;intravenous gamma globulin;gamma globulin;gammaglobulin",
        "thyroid hormone|levothyroxine;thyroid hormone replacement;thyroxine",
        "inhaled corticosteroids|inhaled corticosteroids;inhaled steroids;topical steroids;topical corticosteroids",
        "intrauterine device|intrauterine device;IUD;intrauterine devices",
        "anticholinergics|anticholinergics;anticholinergic",
        "benzodiazepines|benzodiazepines;benzodiazepine",
        "sedatives|sedatives;sedative therapy;sedative;tranquilizers;major tranquilizers;hypnotics;sedative hypnotics",
        "antihistamines|antihistamines;antihistamine",
        "vitamin D|vitamin D;vitamin D supplements;cholecalciferol",
        "calcium supplements|calcium supplements;calcium supplementation",
        "vitamin supplements|vitamin supplements;vitamins",
        "metformin|metformin;Glucophage|oral antidiabetic drugs",
        "insulin therapy|insulin therapy;on insulin;insulin-treated;insulin treatment;insulin-requiring;requiring insulin",
    ];
}
