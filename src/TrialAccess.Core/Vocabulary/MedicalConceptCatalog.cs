namespace TrialAccess.Vocabulary;

/// <summary>What kind of general-medicine concept a name stands for.</summary>
public enum MedicalConceptKind
{
    Condition,
    Medication,
    Procedure,
}

/// <summary>A condition, medication or procedure: canonical name, kind, and its MeSH tree number when it came from MeSH.</summary>
public sealed record MedicalConcept(string Name, MedicalConceptKind Kind, string? MeshTreeNumber = null);

/// <summary>
/// Conditions, medications and procedures from all of medicine, by name and synonyms, so that "history of
/// myocardial infarction" or "type 2 diabetes on insulin" become typed constraints. Enriched from MeSH and DrugBank.
/// </summary>
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

    public PhraseMatcher<MedicalConcept> Names { get; } = new();

    public int Count => Names.Count;

    public void Add(MedicalConcept concept, params IEnumerable<string> synonyms)
    {
        if (!TooGeneral.Contains(concept.Name))
        {
            Names.Add(concept.Name, concept);
        }

        foreach (var synonym in synonyms)
        {
            if (!TooGeneral.Contains(synonym))
            {
                Names.Add(synonym, concept);
            }
        }
    }

    public static MedicalConceptCatalog BuiltIn()
    {
        var catalog = new MedicalConceptCatalog();
        foreach (var (lines, kind) in new[] { (CuratedConditions, MedicalConceptKind.Condition), (CuratedProcedures, MedicalConceptKind.Procedure), (CuratedMedications, MedicalConceptKind.Medication) })
        {
            foreach (var line in lines)
            {
                var parts = line.Split('|');
                catalog.Add(new MedicalConcept(parts[0], kind), parts.Length > 1 ? parts[1].Split(';', StringSplitOptions.RemoveEmptyEntries) : []);
            }
        }

        return catalog;
    }

    /// <summary>canonical condition | synonyms.</summary>
    private static readonly string[] CuratedConditions =
    [
        "myocardial infarction|myocardial infarction;heart attack;MI;acute myocardial infarction;myocardial infarctions",
        "unstable angina|unstable angina;acute coronary syndrome;ACS",
        "angina pectoris|angina;angina pectoris;stable angina",
        "coronary artery disease|coronary artery disease;coronary heart disease;ischemic heart disease;ischaemic heart disease;CAD;coronary disease",
        "heart failure|heart failure;congestive heart failure;CHF;cardiac failure;cardiac insufficiency;NYHA class III;NYHA class IV;NYHA class III or IV;NYHA Class II",
        "cardiomyopathy|cardiomyopathy;cardiomyopathies",
        "cardiac arrhythmia|arrhythmia;arrhythmias;cardiac arrhythmia;cardiac arrhythmias;ventricular arrhythmia;ventricular arrhythmias;ventricular tachycardia;ventricular fibrillation;dysrhythmia",
        "atrial fibrillation|atrial fibrillation;AF;atrial flutter",
        "heart block|heart block;atrioventricular block;AV block;second degree heart block;third degree heart block",
        "long QT syndrome|long QT syndrome;congenital long QT syndrome;QT prolongation;long or short QT syndrome;Brugada syndrome;torsade de pointes;torsades de pointes;TdP",
        "valvular heart disease|valvular heart disease;valve disease;aortic stenosis;mitral regurgitation",
        "hypertension|hypertension;high blood pressure;arterial hypertension;uncontrolled hypertension;hypertensive",
        "hypotension|hypotension;low blood pressure",
        "pulmonary hypertension|pulmonary hypertension;pulmonary arterial hypertension;PAH",
        "stroke|stroke;cerebrovascular accident;CVA;cerebral infarction;cerebrovascular disease;ischemic stroke;hemorrhagic stroke;cerebrovascular event",
        "transient ischemic attack|transient ischemic attack;TIA;transient ischaemic attack",
        "peripheral vascular disease|peripheral vascular disease;peripheral arterial disease;PAD;peripheral artery disease",
        "aortic aneurysm|aortic aneurysm;aneurysm;aortic dissection",
        "venous thromboembolism|thromboembolic disease;venous thromboembolism;VTE;thromboembolism;thromboembolic event;thromboembolic events;thrombosis;arterial thrombosis",
        "deep vein thrombosis|deep vein thrombosis;deep venous thrombosis;DVT",
        "pulmonary embolism|pulmonary embolism;PE;pulmonary emboli",
        "bleeding disorder|bleeding disorder;bleeding diathesis;coagulopathy;hemophilia;haemophilia;von Willebrand disease;bleeding tendency",
        "hemorrhage|hemorrhage;haemorrhage;bleeding;bleedings;active bleeding;gastrointestinal bleeding;GI bleeding;hemoptysis;haemoptysis",
        "anemia|iron deficiency;anemia;anaemia;sickle cell disease;sickle cell anemia;thalassemia",
        "type 1 diabetes|type 1 diabetes;type 1 diabetes mellitus;T1DM;insulin-dependent diabetes;IDDM;juvenile diabetes",
        "type 2 diabetes|type 2 diabetes;type 2 diabetes mellitus;T2DM;non-insulin-dependent diabetes;NIDDM;adult-onset diabetes;T2D",
        "diabetes mellitus|diabetes;diabetes mellitus;diabetic;uncontrolled diabetes;DM",
        "obesity|obesity;obese;morbid obesity;overweight",
        "hyperlipidemia|hyperlipidemia;dyslipidemia;hypercholesterolemia;hypertriglyceridemia",
        "hypothyroidism|hypothyroidism;hypothyroid",
        "hyperthyroidism|hyperthyroidism;Graves disease;thyrotoxicosis",
        "thyroid disease|thyroid disease;thyroid disorder;thyroid dysfunction",
        "adrenal insufficiency|adrenal insufficiency;Addison's disease;Addison disease;hypoadrenalism",
        "osteoporosis|osteoporosis;osteopenia",
        "chronic kidney disease|kidney problems;renal problems;chronic kidney disease;CKD;renal insufficiency;renal failure;kidney failure;renal impairment;end-stage renal disease;ESRD;kidney disease;renal disease;dialysis;hemodialysis;renal dysfunction",
        "nephrotic syndrome|nephrotic syndrome;glomerulonephritis",
        "liver cirrhosis|cirrhosis;liver cirrhosis;hepatic cirrhosis;Child-Pugh B;Child-Pugh C;Child-Pugh class B;Child-Pugh class C",
        "liver disease|liver problems;hepatic problems;liver disease;hepatic disease;hepatic impairment;liver dysfunction;hepatic dysfunction;liver failure;hepatic failure;chronic liver disease;fatty liver;NAFLD;NASH;hepatic encephalopathy;ascites",
        "autoimmune hepatitis|autoimmune hepatitis",
        "pancreatitis|pancreatitis;acute pancreatitis;chronic pancreatitis",
        "inflammatory bowel disease|enteritis;chronic enteritis;inflammatory bowel disease;IBD;Crohn's disease;Crohn disease;ulcerative colitis;colitis",
        "bowel obstruction|bowel obstruction;intestinal obstruction;small bowel obstruction;ileus",
        "gastrointestinal perforation|perforation;gastrointestinal perforation;GI perforation;bowel perforation;intestinal perforation;fistula;abdominal fistula;tracheoesophageal fistula",
        "peptic ulcer|peptic ulcer;peptic ulcer disease;gastric ulcer;duodenal ulcer",
        "malabsorption|swallow oral medication;swallow study medication;swallow tablets;swallow capsules;able to swallow;ability to swallow;unable to take oral medication;unable to take medications by mouth;inability to take oral medication;unable to take oral medications;malabsorption;malabsorption syndrome;inability to swallow;difficulty swallowing;dysphagia;unable to swallow",
        "celiac disease|celiac disease;coeliac disease",
        "gastroesophageal reflux|gastroesophageal reflux;GERD;reflux disease",
        "chronic obstructive pulmonary disease|chronic obstructive pulmonary disease;COPD;emphysema;chronic bronchitis",
        "asthma|asthma;bronchial asthma",
        "interstitial lung disease|interstitial lung disease;ILD;pneumonitis;pulmonary fibrosis;idiopathic pulmonary fibrosis;non-infectious pneumonitis;radiation pneumonitis",
        "respiratory failure|respiratory failure;respiratory insufficiency;oxygen dependence;supplemental oxygen",
        "sleep apnea|sleep apnea;obstructive sleep apnea;OSA;sleep apnoea",
        "pneumonia|pneumonia;community-acquired pneumonia",
        "tuberculosis|tuberculosis;TB;active tuberculosis;latent tuberculosis;mycobacterium tuberculosis",
        "sepsis|sepsis;septic shock;bacteremia;septicemia",
        "COVID-19|COVID-19;SARS-CoV-2;COVID;coronavirus disease 2019",
        "influenza|influenza;flu",
        "active infection|active infection;uncontrolled infection;serious infection;systemic infection;infection requiring systemic therapy;active infections;infection requiring intravenous antibiotics;ongoing infection;severe infection",
        "urinary tract infection|urinary tract infection;UTI;pyelonephritis",
        "fungal infection|fungal infection;invasive fungal infection;candidiasis;aspergillosis",
        "herpes zoster|herpes zoster;shingles;varicella",
        "cytomegalovirus infection|cytomegalovirus;CMV;CMV infection",
        "autoimmune disease|autoimmune disease;autoimmune disorder;autoimmune diseases;autoimmune disorders;active autoimmune disease;autoimmune condition",
        "rheumatoid arthritis|rheumatoid arthritis;RA",
        "systemic lupus erythematosus|systemic lupus erythematosus;SLE;lupus;lupus erythematosus",
        "psoriasis|psoriasis;psoriatic arthritis",
        "multiple sclerosis|multiple sclerosis",
        "myasthenia gravis|myasthenia gravis",
        "vasculitis|vasculitis",
        "sarcoidosis|sarcoidosis",
        "scleroderma|scleroderma;systemic sclerosis",
        "Sjogren syndrome|Sjogren's syndrome;Sjogren syndrome",
        "osteoarthritis|osteoarthritis;degenerative joint disease",
        "gout|gout",
        "organ transplant|organ transplant;organ transplantation;solid organ transplant;allograft;kidney transplant;liver transplant;transplant recipient",
        "graft-versus-host disease|graft-versus-host disease;GVHD;graft versus host disease",
        "immunodeficiency|immune suppression;immunosuppressed;immunodeficiency;immunocompromised;immune deficiency;primary immunodeficiency;immunosuppression",
        "epilepsy|epilepsy;seizure;seizures;seizure disorder;convulsions;epileptic",
        "dementia|cognitive deficits;cognitive deficit;dementia;Alzheimer's disease;Alzheimer disease;cognitive impairment;mild cognitive impairment;MCI",
        "Parkinson disease|Parkinson's disease;Parkinson disease;parkinsonism",
        "peripheral neuropathy|peripheral neuropathy;neuropathy;polyneuropathy;sensory neuropathy;neurotoxicity;sensory neurotoxicity;motor neurotoxicity",
        "intracranial hypertension|increased intracranial pressure;intracranial pressure;intracranial hypertension",
        "venous access|venous access;inadequate venous access;poor venous access",
        "spinal cord compression|spinal cord compression;cord compression",
        "leptomeningeal disease|leptomeningeal disease;leptomeningeal metastases;leptomeningeal carcinomatosis;carcinomatous meningitis;meningeal carcinomatosis",
        "migraine|migraine;headache;migraines",
        "traumatic brain injury|traumatic brain injury;TBI;head injury",
        "depression|depression;major depressive disorder;MDD;depressive disorder;depressive episode",
        "bipolar disorder|bipolar disorder;bipolar;manic depression",
        "schizophrenia|schizophrenia;psychosis;psychotic disorder;schizoaffective disorder",
        "anxiety disorder|anxiety;anxiety disorder;generalized anxiety disorder;panic disorder",
        "post-traumatic stress disorder|post-traumatic stress disorder;PTSD",
        "psychiatric illness|mental disorder;mental disorders;psychiatric illness;psychiatric disorder;mental illness;psychiatric disease;psychiatric condition;mental disorder;psychiatric illness/social situations;psychiatric disorders",
        "substance use disorder|alcoholic drinks;alcohol consumption;alcohol intake;injection drug use;intravenous drug use;IV drug use;injecting drug use;illicit drug use;recreational drug use;substance abuse;drug abuse;alcohol abuse;alcoholism;substance use disorder;drug addiction;alcohol dependence;alcohol use disorder;drug dependence;opioid use disorder",
        "autism spectrum disorder|autism;autism spectrum disorder;ASD",
        "ADHD|ADHD;attention deficit hyperactivity disorder",
        "eating disorder|eating disorder;anorexia nervosa;bulimia",
        "insomnia|insomnia",
        "cachexia|cachexia;weight loss",
        "allergy|allergic;allergic to;allergy;hypersensitivity;allergic reaction;anaphylaxis;known hypersensitivity;allergies;intolerance",
        "cataract|cataract;cataracts",
        "glaucoma|glaucoma",
        "macular degeneration|macular degeneration;AMD;age-related macular degeneration",
        "diabetic retinopathy|diabetic retinopathy;retinopathy",
        "hearing loss|hearing loss;deafness",
        "infertility|infertility",
        "endometriosis|endometriosis",
        "polycystic ovary syndrome|polycystic ovary syndrome;PCOS",
        "menopause|menopause;postmenopausal;post-menopausal;postmenopausal women;premenopausal;pre-menopausal;perimenopausal",
        "benign prostatic hyperplasia|benign prostatic hyperplasia;BPH",
        "urinary incontinence|urinary incontinence;incontinence;overactive bladder",
        "erectile dysfunction|erectile dysfunction",
        "chronic pain|chronic pain;low back pain;back pain;neuropathic pain;cancer pain",
        "fibromyalgia|fibromyalgia",
        "dermatitis|dermatitis;eczema;atopic dermatitis",
        "wound|non-healing wound;unhealed wound;wound dehiscence;ulcer;skin ulcer;serious non-healing wound",
        "trauma|trauma;severe trauma;traumatic injury;traumatic injuries;injuries",
        "urinary obstruction|urinary obstruction;urinary retention;ureteral obstruction;hydronephrosis",
        "bone fracture|fracture;bone fracture;pathologic fracture;fractures",
        "hypercalcemia|hypercalcemia;hypercalcaemia",
        "electrolyte imbalance|hypokalemia;hypomagnesemia;hyponatremia;electrolyte abnormalities;hypocalcemia",
        "hyperglycemia|hyperglycemia;hyperglycaemia",
        "dehydration|dehydration",
        "pleural effusion|pleural effusion;pericardial effusion;effusion;ascites requiring drainage;third space fluid",
        "superior vena cava syndrome|superior vena cava syndrome;SVC syndrome",
        "lymphedema|lymphedema;lymphoedema",
        "smoking|current smoker;smoker;smokers;tobacco use;cigarette smoking;active smoker;ever smoker;never smoker;non-smoker",
        "mucositis|mucositis;stomatitis",
        "diarrhea|diarrhea;diarrhoea;chronic diarrhea",
        "nausea and vomiting|nausea;vomiting;nausea and vomiting",
        "fatigue|fatigue",
        "neutropenia|neutropenia;febrile neutropenia;neutropenic",
        "thrombocytopenia|thrombocytopenia;low platelet count;thrombocytopenic",
        "malnutrition|malnutrition;malnourished;undernutrition;low albumin",
        "lymphopenia|lymphopenia",
        "toxicity from prior therapy|recovered from the effects;recovered from prior therapy;recovered from the toxic effects;recovered from toxicities;recovered from all toxicities;recovered from acute toxicities;recovery from prior;resolution of toxicities;resolution of all acute toxic effects;toxicities from prior therapy;unresolved toxicity;residual toxicity;CTCAE grade 2;CTCAE grade 1;CTCAE Grade;toxicities;adverse events from prior;toxicity;adverse events",
        "immune-related adverse event|immune-related adverse event;immune-related adverse events;irAE;immune related adverse events",
        "intercurrent illness|intercurrent illness;uncontrolled intercurrent illness;serious medical illness;serious medical condition;significant medical condition;uncontrolled medical condition;serious illness;concurrent illness;comorbidity;comorbidities;concurrent medical condition;serious concomitant disease;uncontrolled illness;significant comorbidity;serious concurrent illness;serious concurrent disease;concurrent serious disease;other serious disease;other medical condition;other serious medical condition;serious concomitant illness;co-morbid condition;medical illness;systemic disease;underlying medical condition",
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
        "Pneumocystis pneumonia|Pneumocystis pneumonia;PCP prophylaxis;Pneumocystis carinii pneumonia;Pneumocystis jirovecii pneumonia;PCP",
        "healthy volunteer|healthy volunteer;healthy volunteers;healthy subjects;healthy;normal history and physical;good general health",
        "high-risk sexual behavior|high risk sexual behavior;risk sexual behavior;sexual behavior;sexually transmitted disease;STD",
        "fever|fever;febrile;pyrexia",
        "intellectual disability|mental retardation;intellectual disability;developmental delay",
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
        "coronary revascularization|coronary revascularization;coronary artery bypass graft;CABG;percutaneous coronary intervention;PCI;angioplasty;coronary stenting;stent placement",
        "pacemaker|pacemaker;implantable cardioverter defibrillator;ICD",
        "mechanical ventilation|mechanical ventilation;intubation;ventilator",
        "dialysis|dialysis;hemodialysis;peritoneal dialysis",
        "transfusion|transfusion;blood transfusion;red blood cell transfusion;platelet transfusion;transfusions",
        "central venous catheter|central venous catheter;central line;port-a-cath;PICC",
        "MRI contraindication|contraindication to MRI;contraindications to MRI;metallic implants;contraindication to contrast",
        "endoscopy|endoscopy;colonoscopy;gastroscopy;bronchoscopy",
        "bariatric surgery|bariatric surgery;gastric bypass;gastrectomy",
        "organ transplantation|transplantation",
        "tracheostomy|tracheostomy",
        "leukapheresis|leukapheresis;apheresis",
        "anesthesia|anesthesia;general anesthesia;anaesthesia",
        "vaccination|vaccination;vaccine;vaccines;immunization",
        "hormone replacement therapy|hormone replacement therapy;HRT;estrogen replacement",
        "oral contraceptives|oral contraceptives;hormonal contraception;birth control pills",
    ];

    private static readonly string[] CuratedMedications =
    [
        "antiretroviral therapy|anti-retroviral therapy;antiretroviral therapy;ART;HAART;antiretroviral;antiretrovirals;antiretroviral drugs",
        "antibiotics|antibacterial therapy;antibacterial agents;antibacterials;antibiotics;antibiotic;antimicrobial therapy;intravenous antibiotics;antibiotic therapy",
        "antiviral therapy|antiviral therapy;antivirals;antiviral",
        "antifungal therapy|antifungal;antifungals;antifungal therapy",
        "antidepressants|antidepressants;antidepressant;SSRI;SSRIs;selective serotonin reuptake inhibitors",
        "antipsychotics|antipsychotics;antipsychotic;neuroleptics",
        "anticonvulsants|anticonvulsants;antiepileptic drugs;antiepileptics;enzyme-inducing antiepileptic drugs;EIAED;anti-epileptic drugs;antiseizure medication",
        "opioids|opioids;opioid;opiates;narcotics;narcotic analgesics;morphine;oxycodone;fentanyl",
        "NSAIDs|NSAIDs;NSAID;non-steroidal anti-inflammatory drugs;nonsteroidal anti-inflammatory drugs;ibuprofen",
        "statins|statins;statin;HMG-CoA reductase inhibitors;atorvastatin;simvastatin",
        "antihypertensives|antihypertensive;antihypertensives;antihypertensive medication;antihypertensive therapy;beta blockers;beta-blockers;ACE inhibitors;angiotensin receptor blockers;calcium channel blockers;diuretics",
        "QT-prolonging drugs|QT-prolonging drugs;drugs that prolong the QT interval;QT prolonging medications;medications known to prolong QT;QTc-prolonging;drugs known to prolong the QT",
        "proton pump inhibitors|proton pump inhibitors;PPI;PPIs;omeprazole;H2 antagonists",
        "herbal supplements|diet supplements;herbal supplements;herbal medicine;herbal remedies;dietary supplements;St. John's Wort;traditional Chinese medicine;herbal products;alternative medicine",
        "growth factors|growth factors;hematopoietic growth factors;colony-stimulating factors;G-CSF;GM-CSF",
        "bisphosphonates|bisphosphonates;bisphosphonate",
        "immunoglobulin|immunoglobulin;IVIG;intravenous immunoglobulin",
        "thyroid hormone|levothyroxine;thyroid hormone replacement;thyroxine",
        "inhaled corticosteroids|inhaled corticosteroids;inhaled steroids;topical steroids;topical corticosteroids",
        "contraceptive implants|intrauterine device;IUD",
        "anticholinergics|anticholinergics;anticholinergic",
        "benzodiazepines|benzodiazepines;benzodiazepine;sedatives;sedative therapy;sedative;tranquilizers;major tranquilizers;hypnotics",
        "antihistamines|antihistamines;antihistamine",
        "vitamin D|vitamin D;calcium supplements;vitamin supplements;vitamins",
        "metformin|metformin;sulfonylureas;oral hypoglycemic agents;oral antidiabetic drugs;SGLT2 inhibitors;GLP-1 receptor agonists",
        "insulin therapy|insulin therapy;on insulin;insulin-treated;insulin treatment;insulin-requiring;requiring insulin",
    ];
}
