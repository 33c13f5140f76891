/**
 * The project's own word lists for the identifying-details check: words of clinical and reflective
 * writing that an English dictionary does not hold, the theorists and models clinicians write about (who
 * are never clients), proper nouns that identify nobody, and the words that say a name or a place is near.
 * All lower case; compared after accents and case are set aside.
 */

/** A set of the words in this text, written out as a list separated by spaces and lines. */
export const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/**
 * Clinical, psychological and service vocabulary, abbreviations and medicines: ordinary in this writing,
 * absent from a general dictionary, and never names.
 */
export const CLINICAL = words(`
  countertransference transference countertransferential mentalising mentalizing mentalisation mentalization
  mentalise mentalize psychoeducation psychoeducational dysregulation dysregulated dysregulating coregulation
  co-regulation selfharm self-harm self-harming self-harmed suicidality parasuicide ideation intrusions
  hypervigilance hypervigilant hyperarousal hypoarousal dissociation dissociative dissociating dissociated
  derealisation derealization depersonalisation depersonalization anhedonia alexithymia hypomania hypomanic
  psychosis psychoses psychotic prodrome prodromal schizophrenia schizoaffective bipolar catatonia catatonic
  neurodivergent neurodivergence neurodiverse neurotypical autistic autism dyspraxia dyslexia dyscalculia
  anorexia bulimia arfid orthorexia binge bingeing purging euthymic euthymia dysthymia cyclothymia
  psychodynamic psychoanalytic psychoanalytically psychotherapeutic psychotherapist psychotherapy psychiatrist
  psychiatry psychiatric psychologist psychological psychometric neuropsychological neuropsychology
  formulation reformulation reformulating formulating biopsychosocial intersubjective intersubjectivity
  attunement misattunement attuned misattuned containment uncontained enactment enactments introjection
  introjected projective splitting mentalisation-based trauma-informed trauma-focused trauma-focussed
  psychosocial psychopharmacology pharmacotherapy polypharmacy antipsychotic antipsychotics antidepressant
  antidepressants anxiolytic anxiolytics benzodiazepine benzodiazepines benzo benzos hypnotic hypnotics
  ssri ssris snri snris maoi tca sertraline fluoxetine citalopram escitalopram paroxetine mirtazapine
  venlafaxine duloxetine amitriptyline nortriptyline trazodone vortioxetine bupropion agomelatine lithium
  valproate sodium-valproate lamotrigine carbamazepine quetiapine olanzapine risperidone aripiprazole
  clozapine haloperidol paliperidone zuclopenthixol flupentixol chlorpromazine amisulpride lurasidone
  lorazepam diazepam clonazepam midazolam zopiclone zolpidem promethazine procyclidine hyoscine propranolol
  pregabalin gabapentin methylphenidate lisdexamfetamine atomoxetine guanfacine melatonin naltrexone
  nalmefene buprenorphine methadone acamprosate disulfiram naloxone chlordiazepoxide pabrinex thiamine
  paracetamol ibuprofen co-codamol codeine tramadol oramorph morphine insulin levothyroxine omeprazole
  clopixol abilify seroquel zyprexa depakote prozac zoloft lexapro xanax valium ritalin concerta elvanse
  depot depots prn prns stat ect rtms tms iv im ng peg obs ob bmi bp ecg eeg mri ct bloods
  cbt dbt act cft emdr mbt cat ipt dit ifs cbt-e cbt-t cbtp cbt-i tf-cbt pe cpt nbt cams stair
  nhs hse hscni nice nmc hcpc gmc bps bacp ukcp babcp cqc rcpsych rcn ahpra apa aca nasw samhsa va dva
  cmht camhs crht htt iapt eip ehcp sendco senco amhp mha mca dols lps cpa cto ctos rc s2 s3 s135 s136
  s17 s5 s5(2) s5(4) sec section picu pdu hdu icu a&e ed ae gp gps ooh 111 999 soc sos lac cla cin cp
  cpn rmn rgn rnld hca hcas sho fy1 fy2 f1 f2 ct1 ct2 ct3 st4 st5 st6 spr sas dclinpsy clin dr ot ots
  slt pwp pwps hi cbt-therapist mdt mdts mdm cpd nqp nqn ftsu fts sui si rca datix ulysses incident-report
  sbar sbarr abc abcd rag bme bame lgbt lgbtq lgbtq+ lgbtqia+ poc bipoc nonbinary non-binary cis cisgender
  trans transgender genderqueer pronouns ndis headspace medicare medicaid ssi ssdi ssa hmo ehr emr epic
  rio systmone emis lorenzo cerner paris carenotes mosaic liquidlogic eclipse
  ok okay okayish alright gonna wanna gotta kinda sorta dunno lol omg tbh fyi asap eta re pls thx ty
  wfh wellbeing well-being burnout burnt-out checkin check-in checkins check-ins debrief debriefed debriefing
  reflective reflexive reflexivity supervisee supervisees supervisor's supervisory peer-led co-produced
  coproduction co-production coproduced lived-experience selfcare self-care selfcompassion self-compassion
  overidentification over-identification overidentify overidentified enmeshment enmeshed triangulation
  parentified parentification infantilised infantilising pathologising pathologised pathologise
  medicalised medicalising retraumatised retraumatising re-traumatising traumatised traumatising
  safeguarding safeguard signposted signposting signpost triaged triage triaging escalated de-escalated
  de-escalate de-escalation deescalation restraint restraints seclusion rapid-tranquillisation obs
  handover handovers huddle huddles rota rotas earlies lates long-days twilights dnar dnacpr nbm ngt mffd ivabx ivab locum locums bank agency band-5 band-6 band-7 band-8a
  microaggression microaggressions intersectional intersectionality minoritised racialised othering
  ableism ableist sanism sanist stigmatising stigmatised destigmatise neuroaffirming neuro-affirming
  zoom teams whatsapp facetime email emails emailed texted eircode eircodes postcode postcodes zipcode
  kardex cardex mar mars epma jac sbar datix rio systmone emis
  meds med hosp resus nocte mane bd tds qds od prn stat obs sats bloods ix dx rx tx hx sx fx mx px pmh dh
  sh fh mse cgi gaf phq phq-9 gad gad-7 core-10 core-om honos moca mmse ace-iii acer ace ace-r audit
  ciwa cows bprs panss ybocs y-bocs cams pcl pcl-5 itq dass dass-21 wemwbs swemwbs pdss epds srs ors
  sundowning sundowner sundowners absconsion absconded absconding awol allyship burdensomeness
  buddying buddied iftar suhoor sehri wudu halal kosher shabbat sabbath steri-strips steristrips
  e-obs eobs flashpoint flashpoints post-partum postpartum antenatal postnatal perinatal peri-natal
  resus safewards starwards tidal recovery-oriented strengths-based person-centred person-centered
  debriefs huddled handed-over step-down step-up stepdown stepup inreach in-reach outreach
  de-brief rota'd rostered rostering e-rostering healthroster allocate allocate'd
  alzheimer alzheimers alzheimer's parkinson parkinsons parkinson's huntington huntington's asperger
  aspergers asperger's korsakoff korsakoff's wernicke wernicke's tourette tourettes tourette's crohn
  crohn's hodgkin hodgkin's down's capgras cotard munchausen munchausen's de-clerambault ekbom
  lewy pick's creutzfeldt-jakob guillain-barre stevens-johnson
  mrcpsych mrcp mrcgp mbbs frcpsych dclinpsych pgdip pgcert msc bsc ba ma phd dphil psyd edd lpc lcsw
  lmft lmhc lpn rn np pa md do cnm aprn pmhnp cadc ladc ncc bcba rbt qmhp lisw lcpc cbt-c
  nok ngr nfa nfr dnacpr dnr resp rr hr temp gcs avpu news2 news mews pews
  cbds cbd wpba wpbas arcp arcps eportfolio portfolio revalidation preceptorship
  hellos goodbyes ok'd okayed ta cheers hiya mate mates innit reckon gutted knackered chuffed
  wee aye bairn bairns wean weans ken dinnae cannae didnae wasnae isnae gonnae bampot craic grand
  yous youse ye lads lass lassie arvo servo brekkie avo mozzie sunnies uni ute mum's
  y'all gotten ain't fixin
  min mins hr hrs wk wks yr yrs mth mths rm rms appt appts admin reg regs dept depts co approx accomm
  temp info demo rehab detox recon prep uni vax covid-19 vs etc eg ie ps nb pm am tbc tba tbd ref refs
  wrt w/ w/o b/c re: pt pts cl cls sw sws hv hvs dn dns ax tx rv f/u fu bd bmi nad nkda ooh ot's
  waitlist waitlisted telehealth telepsychiatry postvention interoceptive in-vivo invivo iatrogenic
  catastrophising catastrophizing rescripting defusion hexaflex licensure stressors reframe reframed
  reframing anonymised anonymized deidentified de-identified pseudonymised keyworker keyworkers portakabin
  urines tox toxicology psych psychs psychoed gp's bulk-billed bulkbilled centrelink tafe catt catt's
  tusla garda gardai gardaí ndis ohip ramq oshc ssdi cps dcfs acs dhs dss ndia ahpra racgp ranzcp
  blue-knot headspace's beyondblue lifeline kids-helpline vyvanse adderall strattera suboxone subutex
  gmail hotmail outlook yahoo insta snap whatsapp's substack patreon onlyfans tinder hinge bumble grindr
  tech techs zen koan koans podcast podcasts vlog blog selfie selfies emoji emojis meme memes
  raccoons raccoon possums possum wombat wombats kangaroo kangaroos magpie magpies kookaburra jandals
  thongs togs jumper jumpers hoodie hoodies trackies trainers
`);

/**
 * Medicines clinicians in mental health write about, generic and brand names, beyond those above: never
 * anyone's name.
 */
export const MEDICINES = words(`
  agomelatine alprazolam amisulpride amitriptyline amphetamine aripiprazole asenapine atomoxetine
  brexpiprazole bupropion buspirone cariprazine chlordiazepoxide chlorpromazine citalopram clomipramine
  clonazepam clonidine clozapine cyamemazine desvenlafaxine dexamfetamine dexmethylphenidate diazepam
  donepezil dosulepin doxepin duloxetine escitalopram esketamine eszopiclone fluoxetine flupentixol
  fluphenazine fluvoxamine gabapentin galantamine guanfacine haloperidol hydroxyzine imipramine ketamine
  lamotrigine levomepromazine lisdexamfetamine lithium lofepramine lorazepam loxapine lurasidone melatonin
  memantine methylphenidate mianserin midazolam mirtazapine moclobemide modafinil naltrexone nitrazepam
  nortriptyline olanzapine oxazepam paliperidone paroxetine perphenazine phenelzine pimozide pregabalin
  prazosin prochlorperazine promethazine propranolol quetiapine reboxetine risperidone rivastigmine
  sertraline sulpiride temazepam tranylcypromine trazodone trifluoperazine trihexyphenidyl valproate
  varenicline venlafaxine vilazodone vortioxetine zaleplon ziprasidone zolpidem zopiclone zuclopenthixol
  acamprosate buprenorphine disulfiram methadone nalmefene naloxone nicotine thiamine pabrinex
  paracetamol ibuprofen naproxen codeine dihydrocodeine tramadol morphine oxycodone fentanyl diamorphine
  heroin cocaine crack cannabis spice mamba ketamine mdma ecstasy lsd ghb nitrous benzos opiates opioids
  abilify anafranil aricept ativan buspar celexa cipralex cipramil clopixol clozaril concerta cymbalta
  depakote depixol dexedrine dormicum effexor elvanse equasym faverin fluanxol haldol invega istin
  kemadrin klonopin lamictal largactil latuda lexapro librium lustral lyrica medikinet mogadon molipaxin
  nardil neurontin orap parnate paxil prothiaden prozac rexulti risperdal ritalin saphris seroquel
  seroxat sertraline sinequan solian sonata stelazine strattera suboxone subutex surmontil tegretol
  tofranil trintellix valium vivanse vyvanse wellbutrin xanax xeplion zispin zoloft zyban zyprexa
  antabuse campral espranor espranor methadose physeptone nytol phenergan sominex piriton kalms
  spravato ambien benadryl narcan zydis quilonum priadel camcolit lithonate liskonum trazadone
  desyrel remeron effexor pristiq auvelity zulresso lybalvi caplyta vraylar rexulti ingrezza austedo
  cogentin artane kemadrin procyclidine invega sublocade vivitrol naltrexone chantix champix
`);

/** Words for roles: "Charge Nurse", "Named Person", "Patient Navigator". Never a name on their own. */
export const ROLE_WORDS = words(`
  nurse nurses charge sister matron person navigator navigators worker workers manager coordinator
  officer lead guardian advocate champion consultant registrar doctor therapist counsellor counselor
  psychologist psychiatrist director chair secretary signed signature witness staff student trainee
  supervisor supervisee mentor preceptor assessor practitioner clinician prescriber pharmacist
`);

/**
 * Words after a name that make it an eponym, not a person: "Baker Act", "Stockholm syndrome", "Maastricht
 * Interview", "Edinburgh Postnatal Depression Scale", "Gillick competence", "St John's wort".
 */
export const EPONYM_HEADS = words(`
  act acts syndrome scale chart interview model approach protocol method principle principles criteria test
  questionnaire inventory code report inquiry trial study competence guidelines guideline ruling law cup
  prize award round rounds effect technique disease disorder sign reflex manoeuvre maneuver tool
  framework index standard standards checklist amendment programme program rule wort postnatal stool
`);

/** Idioms that hold a name-like word: "the penny dropped", "a pat on the back", "rob Peter to pay Paul". */
export const IDIOMS = [
  /\bpenny dropped\b/i,
  /\bpat on the back\b/i,
  /\brob(?:bing)? peter to pay paul\b/i,
  /\bward of court\b/i,
  /\bgrace period\b/i,
  /\bbuckley['’]s\b/i,
  /\bmark my words\b/i,
  /\bhope springs\b/i,
];

/** Charities, helplines and services a clinician names: organisations, not people. */
export const SERVICES = words(`
  samaritans mind rethink shout papyrus childline kooth cruse mencap nspcc barnardo's barnardos shelter
  refuge relate sane combat stress beyondblue lifeline headspace orygen kidshelpline 988 crisis
  textline nami samhsa talkspace betterhelp calm headspace's samaritan's citizens advice turning point
  humankind forward change grow live addaction we are with you cgl alcoholics anonymous aa na narcotics
  gamblers gamcare mermaids stonewall switchboard galop pavee nacc exchange hse's tusla jigsaw aware
  grow shine spunout lgbt ireland's medi-cal medicaid medicare odsp centrelink ndis tafe cps dcfs
  ontario works
`);

/**
 * Theorists and authors by whole name: "Carl Rogers", "Melanie Klein", "Bessel van der Kolk". A sentence
 * that names one is about the theory, whatever its other words.
 */
export const THEORIST_NAMES = [
  'carl rogers',
  'sigmund freud',
  'anna freud',
  'melanie klein',
  'donald winnicott',
  'john bowlby',
  'mary ainsworth',
  'aaron beck',
  'judith beck',
  'marsha linehan',
  'irvin yalom',
  'viktor frankl',
  'brene brown',
  'kristin neff',
  'paul gilbert',
  'bessel van der kolk',
  'judith herman',
  'stephen porges',
  'peter fonagy',
  'anthony bateman',
  'daniel siegel',
  'dan siegel',
  'gabor mate',
  'deb dana',
  'jon kabat-zinn',
  'steven hayes',
  'jeffrey young',
  'anthony ryle',
  'albert ellis',
  'alfred adler',
  'carl jung',
  'erik erikson',
  'jean piaget',
  'lev vygotsky',
  'abraham maslow',
  'martin seligman',
  'wilfred bion',
  'heinz kohut',
  'otto kernberg',
  'jacques lacan',
  'karen horney',
  'harry stack sullivan',
  'hildegard peplau',
  'tom kitwood',
  'patricia benner',
  'barbara carper',
  'graham gibbs',
  'john driscoll',
  'christopher johns',
  'david kolb',
  'donald schon',
  'gary rolfe',
  'brigid proctor',
  'peter hawkins',
  'robin shohet',
  'john burnham',
  'francesca inskipp',
  'michael white',
  'david epston',
  'salvador minuchin',
  'virginia satir',
  'murray bowen',
  'steve de shazer',
  'insoo kim berg',
  'william miller',
  'stephen rollnick',
  'james prochaska',
  'elisabeth kubler-ross',
  'colin murray parkes',
  'william worden',
  'pat deegan',
  'mason durie',
  'judy atkinson',
  'len bowers',
  'phil barker',
  'patrick casement',
  'christopher bollas',
  'thomas ogden',
  'nancy mcwilliams',
  'john gottman',
  'sue johnson',
  'dan hughes',
  'kim golding',
  'bruce perry',
  'pat ogden',
  'peter levine',
  'francine shapiro',
  'edna foa',
  'anke ehlers',
  'david clark',
  'paul salkovskis',
  'christopher fairburn',
  'jon allen',
  'amy edmondson',
  'christina maslach',
  'charles figley',
  'herbert freudenberger',
  'erving goffman',
  'michel foucault',
  'ronald laing',
  'thomas szasz',
  'gregory bateson',
  'kurt lewin',
  'donald meltzer',
  'esther bick',
  'daniel stern',
  'edward tronick',
  'colwyn trevarthen',
  'allan schore',
  'louis cozolino',
  'rick hanson',
  'tara brach',
  'thich nhat hanh',
  'pema chodron',
  'eckhart tolle',
  'johann hari',
  'matthew johnstone',
  'ruby wax',
  'stephen fry',
  'mark williams',
  'john teasdale',
  'zindel segal',
  'russ harris',
  'mary ellen copeland',
  'william anthony',
  'jessica benjamin',
  'margaret stroebe',
  'henk schut',
  'edward bordin',
  'julie repper',
  'rachel perkins',
  'patricia deegan',
  'mike slade',
  'irihapeti ramsden',
  'albert marshall',
  'jeremy safran',
  'christopher muran',
  'j william worden',
  'robert neimeyer',
  'pauline boss',
  'kenneth doka',
  'lucy johnstone',
  'mary boyle',
  'richard bentall',
  'tony morrison',
  'daniel freeman',
  'elizabeth kuipers',
  'philippa garety',
  'marius romme',
  'sandra escher',
  'tom andersen',
  'jaakko seikkula',
  'harlene anderson',
  'harry goolishian',
  'ronald fairbairn',
  'harry guntrip',
  'hanna segal',
  'herbert rosenfeld',
  'neville symington',
  'alessandra lemma',
  'robert stolorow',
  'eugene gendlin',
  'fritz perls',
  'dave mearns',
  'brian thorne',
  'mick cooper',
  'rollo may',
  'james bugental',
  'chris germer',
  'babette rothschild',
  'janina fisher',
  'patricia resick',
  'chris brewin',
  'marylene cloitre',
  'christine courtois',
  'john briere',
  'janet klosko',
  'christine padesky',
  'dennis greenberger',
  'david burns',
  'kelly wilson',
  'kirk strosahl',
  'carlo diclemente',
  'beth hudnall stamm',
  'laurie anne pearlman',
  'karen saakvitne',
  'dorothea orem',
  'poppy buchanan-barker',
  'alfred kadushin',
  'neil thompson',
  'lena dominelli',
  'eileen munro',
  'harry ferguson',
  'jan fook',
  'jack mezirow',
  'stephen brookfield',
  'mary main',
  'patricia crittenden',
  'alan sroufe',
  'ed tronick',
  'beatrice beebe',
  'sandra bloom',
  'vincent felitti',
  'arthur kleinman',
  'derald wing sue',
  'isha mckenzie-mavinga',
  'suman fernando',
  'colin lago',
  'david malan',
  'habib davanloo',
  'bruce wampold',
  'john norcross',
  'carol falender',
  'edward shafranske',
  'janine bernard',
  'michael carroll',
  'joan wilmot',
  'penny henderson',
  'gillie ruch',
  'david howe',
  'pamela trevithick',
  'eric berne',
  'stephen karpman',
  'david kessler',
  'albert bandura',
  'carol dweck',
  'daniel goleman',
  'edgar schein',
  'isabel menzies lyth',
  'michael balint',
  'urie bronfenbrenner',
  'paulo freire',
  'bell hooks',
  'kimberle crenshaw',
  'audre lorde',
  'frantz fanon',
];
export const THEORIST_NAME_SET = new Set(THEORIST_NAMES);

/**
 * Everyday words of other languages that clinicians here write among English: Māori, Pasifika and
 * Aboriginal English words used in Aotearoa and Australia, words for family across communities, and
 * Latin and French set phrases. Never names on their own.
 */
export const COMMUNITY_WORDS = words(`
  whanau whānau hui kaupapa marae whenua karakia kai kuia kaumatua kaumātua koro pakeha pākehā wairua
  hauora whare wharenui matariki waka ama kia kaha ora rongoa rongoā manaakitanga tikanga mana tapu noa
  taha tinana hinengaro whakapapa whakawhanaungatanga mahi korero kōrero tangi tangihanga aroha mihi
  tino rangatiratanga kaitiaki tamariki rangatahi mokopuna pepi wahine tane whānau's koha hapu hapū iwi
  tui tūī kowhai kōwhai pounamu haka poi pōwhiri powhiri tēnā tena koe kōrua koutou ngā nga te
  fonofale fale aiga fono talanoa matai fa'a fa'asamoa vā va ulu
  dadirri yarning yarn mob mobs country sorry-business deadly tidda tiddas cuz aunty uncle elders
  amma appa abba ammi abbu nani nana dadi dada baba mama papa yiayia yiayia's pappou nonna nonno babcia
  dziadek hooyo aabo ayeeyo abuela abuelo tia tía tio tío mamá papá bubbe zaide savta saba oma opa
  mamie papi tata ciocia wujek didi bhaiya bhai behen chacha chachi mausi masi bua phupho khala khalu
  mamu umma ummi jiddo teta sitti jaddah habibi habibti inshallah mashallah alhamdulillah wallahi
  kippah hijab niqab abaya jilbab turban kara kirpan bindi sari saree shalwar kameez dupatta
  compte rendu vous pensez que je suis fou c'est vrai merci mardi lundi mercredi jeudi vendredi samedi
  dimanche oui non bonjour madame monsieur
  noli timere primum nocere pax bonum et ad per cum sed in-situ situ vivo vitro de facto novo hoc
  bona fide vice versa status quo sine qua persona grata locum tenens alma mater mea culpa
  suy nghi nhieu nghĩ nhiều
  whakama whakamā tupuna tūpuna kaimahi tangata timatanga whakamutunga tiriti pae he aha mea nui ao
  tēnā tena kōrua koutou kia ora tātou tatou mihi whakatauki whakataukī mātauranga matauranga reo
  ar scath scáth cheile chéile mhaireann daoine duirt dúirt me mé leat raibh breoite nollaig mban
  anam cara sláinte slainte go maith agus conas atá tá tá sé gaeilge craic grand amadán eejit
  bore da diolch twp cwtch cwtsh gwaith hiraeth cymraeg iawn sut wyt ti nos da hwyl croeso cariad
  scunnered dreich didna disnae canna wee bairn greet greeting haar glaikit ken blether bampot
  fa'afetai fa'afetai lava talofa malo aloha kia kaha mauri ora ngā mihi nui
  shpilkes kvetch schlep chutzpah mensch meshuggeneh oy vey kaddish shiva yahrzeit
  la esperanza es lo ultimo último que se pierde ojala ojalá mija mijo querida querido pues
  ça va ca bon courage c'est la vie
`);

/**
 * Theorists and models clinicians write about: people, but never the client the check protects. These
 * names are rare enough outside the theory that they are passed over wherever they stand.
 */
export const THEORISTS = words(`
  winnicott bion linehan gibbs driscoll kolb schon schön rolfe proctor shohet bowlby  yalom
  maslow freud jung piaget vygotsky erikson kabat-zinn kabatzinn porges kübler-ross kubler-ross padesky
  greenberger fonagy  kernberg kohut lacan  bronfenbrenner seligman burnham inskipp casement
   racker   mezirow brookfield prochaska diclemente karpman berne maslach figley
  ferenczi  minuchin satir rollnick tuckman belbin festinger bandura skinner pavlov argyris
  salkovskis fairburn kuyken  gottman cozolino  saakvitne  strosahl klosko
  boszormenyi-nagy selvini palazzoli cecchin boscolo epston shazer mearns carkhuff   wosket
         szasz goffman foucault      jaspers
  ferenczi tronick  cloitre  resick  hackmann garety kolk rogerian
  winnicottian bionian kleinian freudian jungian lacanian kohutian adlerian ellisian socratic
  peplau  kitwood       rogerian bowlbian johari
  kohlberg  kitwoodian safewards starwards ainsworth's bowlby's goleman boyatzis dweck
  kahneman tversky zimbardo milgram asch   brofenbrenner sapolsky maté perel
   linehan's kabat-zinn's van-der-kolk's herman's
   muran    bollas zur gillick durie fonofale kitwood's hexaflex seligman's
  treisman  cohen-mansfield kielhofner guggenbuhl-craig guggenbühl-craig o'donohue 
    bronfenbrenner's vaillant bolwby csikszentmihalyi frankl frankl's rogers' schön's
  bandura's maslow's piaget's erikson's vygotsky's kubler bowlbys  nolen-hoeksema beck's
  stroebe schut bordin tarasoff kinzie guntrip bick mcwilliams gabbard malan davanloo luborsky wampold norcross orlinsky ronnestad rønnestad skovholt falender shafranske stoltenberg delworth ladany kadushin briere borkovec dugas hofmann weishaar arntz tirch germer kuipers bentall romme escher neimeyer doka buchanan-barker dominelli trevithick goolishian seikkula byng-hall sroufe schore beebe lachmann stolorow menninger gendlin perls bugental laszloffy falicov mckenzie-mavinga felitti freire fanon
`);

/**
 * Theorists whose names are also common surnames: passed over only where the sentence is about theory
 * ("Beck's model", "Rogers (1957)", "as Klein put it"), so that a client called Mr Beck is still found.
 */
export const THEORISTS_COMMON = words(`
  beck rogers klein johns hawkins gilbert neff segal williams brown young wilson hayes clark wells cooper
  fennell butler harvey miller adler ellis perry siegel herman stern main hughes johnson walker sue berg
  white page jasper heath gardner atkins murphy bass west milne reiser hewson thorne janet harris steiner
  stamm leiter edmondson bruner carroll honey kolb shapiro foa ryle leiman ross hart fisher
  mcgoldrick bowen hart schon barker logan watson henderson neuman parse bowers roy king atkinson
  kleinman gross lazarus folkman porter gibb marsh holmes snyder johnstone boyle may stark treisman feil
  mead schwartz kielhofner lyth menzies toit
  keogh heron egan mumford laing lewin dewey golding roper tierney nightingale benner carper harlow bruner lieberman worden dodson leahy yerkes ehlers courtois crittenden truax scaife searles heimann pearlman safran deegan kleinman feil ainsworth bateman mahler teasdale balint bateson gilligan orem leininger freudenberger trevarthen schein boud kegan fook jasper heath
  perkins copeland slade shepherd boardman read chadwick klass silverman nickman parkes boss payne howe ruch munro featherstone andersen haley whitaker pearce cronen draper target lemma ogden rothschild levine burns farrell barlow irons beaumont kerr sweeney bloom anda hanson hays hardy lago fernando goodyear lambert hubble kessler ramsden fairbairn kingdon turkington birchwood bulman borton davys beddoe wonnacott symington meltzer masterson rosenfeld repper leamy horney crenshaw nathanson dallos
`);

/** Words in a sentence about theory rather than people. */
export const THEORY_WORDS = words(`
  model models cycle cycles theory theories theorist theorists framework frameworks approach approaches
  concept concepts idea ideas stage stages triangle hierarchy reflective reflection according wrote writes
  describes described describe book books paper papers work works et al al. therapy therapies school
  schools tradition notion notions term terms coined proposed suggests suggested argues argued
  reading chapter article articles reader refresher
  attachment drama inventory scale principles principle conditions core method methods technique
  techniques formulation formulations eyed seven-eyed functions function mode modes grid graces
  cognitive triad position positions paranoid-schizoid depressive defences defenses object objects
  holding good-enough container contained reverie alpha beta unconditional congruence empathy
  self-compassion compassion-focused compassionate mind mindfulness polyvagal window tolerance
`);

/**
 * Proper nouns that identify nobody: days, months, holidays, countries, peoples, languages, faiths,
 * continents and regions, and bodies a clinician mentions.
 */
export const SAFE_PROPER = words(`
  monday tuesday wednesday thursday friday saturday sunday tues thurs
  january february march september october november december
  feb apr aug sept oct nov
  christmas easter eid ramadan diwali hanukkah chanukah passover yom kippur rosh hashanah lent advent
  halloween thanksgiving boxing hogmanay new year's pride vaisakhi navratri holi chinese lunar
  god allah jesus christ buddha christians christianity muslim muslims islamic jewish jews
  judaism hindu hindus hinduism sikh sikhs sikhism buddhist buddhists buddhism catholic catholics
  catholicism protestant protestants anglican methodist baptist pentecostal evangelical orthodox quaker
  rastafarian atheist agnostic pagan mormon jehovah's witness witnesses bible quran koran torah
  english england british britain uk gb scottish scotland welsh wales irish ireland cymru alba eire éire
  northern southern eastern western european europe african africa asian asia american america americas
  australian australia australasia canadian canada zealand kiwi aotearoa oceania pacific atlantic
  arab arabic asian black white mixed caribbean latino latina latinx hispanic indigenous aboriginal
  maori māori pasifika torres strait islander islanders inuit first nations métis metis
  polish poland romanian romania lithuanian lithuania latvian latvia bulgarian bulgaria ukrainian ukraine
  russian russia czech slovak hungarian hungary albanian albania kosovan kosovo serbian croatian bosnian
  turkish turkey türkiye kurdish kurdistan iranian iran persian farsi iraqi iraq syrian syria lebanese
  lebanon egyptian egypt moroccan morocco algerian tunisian libyan sudanese sudan eritrean eritrea
  ethiopian ethiopia somali somalia somaliland kenyan kenya ugandan uganda tanzanian rwandan congolese
  congo nigerian nigeria ghanaian ghana sierra leonean leone gambian senegalese ivorian cameroonian
  zimbabwean zimbabwe zambian malawian south-african afrikaans zulu xhosa yoruba igbo hausa twi akan
  swahili amharic tigrinya oromo urdu hindi punjabi bengali bangla gujarati tamil telugu malayalam
  kannada marathi sinhala sinhalese nepali nepalese pashto dari afghan afghanistan pakistani pakistan
  indian india bangladeshi bangladesh sri lankan lanka tamil eelam chinese china mandarin cantonese
  hong kong taiwanese taiwan japanese japan korean korea vietnamese vietnam thai thailand filipino
  filipina philippines tagalog malaysian malaysia indonesian indonesia burmese myanmar cambodian khmer
  mexican mexico brazilian brazil portuguese portugal spanish spain colombian colombia venezuelan
  venezuela peruvian peru chilean chile argentinian argentina cuban cuba jamaican jamaica trinidadian
  trinidad tobago barbadian bajan barbados guyanese guyana haitian haiti dominican puerto rican rico
  french france german germany dutch netherlands belgian belgium swiss italian italy greek greece
  cypriot cyprus maltese malta danish denmark swedish sweden norwegian norway finnish finland icelandic
  gaelic gàidhlig gaeilge cymraeg scots ulster romani roma gypsy gypsies traveller travellers mincéirí
  yiddish hebrew israeli israel palestinian palestine jordanian saudi emirati yemeni kuwaiti qatari
  covid covid-19 coronavirus brexit google facebook instagram tiktok snapchat twitter youtube whatsapp
  reddit discord linkedin netflix amazon spotify xbox playstation nintendo uber deliveroo tesco asda
  sainsbury's aldi lidl primark starbucks mcdonald's kfc greggs iphone android microsoft apple
  trust board directorate division icb ccg hb lhb phs nhsggc bcuhb abuhb ctmuhb cvuhb hywel sbuhb
  parliament government council police ambulance fire coroner court tribunal dwp hmrc pip esa uc
  ofsted cafcass nspcc samaritans mind rethink shout papyrus childline mencap barnardo's
  tavistock maudsley portman anna freud
  tongan samoan fijian maori niuean cook papuan hawaiian polynesian melanesian micronesian hebridean
  highlander islander geordie scouse scouser brummie mancunian cockney londoner glaswegian weegie
  dubliner corkonian liverpudlian yorkshire lancashire cornish cornwall devon somerset kent essex
  ulsterman afghani angolan armenian azerbaijani belarusian beninese bhutanese bolivian botswanan
  burkinabe burundian cape verdean chadian comorian rican djiboutian ecuadorian equatoguinean
  estonian eswatini fijian gabonese georgian grenadian guatemalan guinean honduran jordanian kazakh
  kyrgyz lao laotian liberian luxembourgish macedonian malagasy malawian maldivian malian mauritanian
  mauritian moldovan mongolian montenegrin mozambican namibian nauruan nicaraguan nigerien omani
  panamanian paraguayan salvadoran saudi slovenian solomon surinamese syrian tajik thai togolese
  trinidadian tunisian turkmen tuvaluan uruguayan uzbek vanuatuan venezuelan yemeni zambian
  kurd kurds pashtun punjabis gujaratis bengalis tamils sinhalese hazara baloch sindhi kashmiri
  mirpuri sylheti goan keralan malayali roma romanies romanichal sinti yenish traveller's
  rastafari sufi sunni shia shi'a ismaili alevi druze coptic copt maronite baha'i bahai
  jains zoroastrian parsi wiccan orthodox-jewish haredi hasidic chabad
  europe's britain's ireland's english-speaking welsh-speaking gaelic-speaking irish-speaking
  wednesdays fridays mondays tuesdays thursdays saturdays sundays
  covid's nhs's trust's
  alabama alaska arizona arkansas california colorado connecticut delaware  hawaii idaho illinois
   iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
  missouri  nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont
   wisconsin wyoming ontario quebec québec manitoba saskatchewan  nunavut yukon labrador
  newfoundland nova scotia brunswick queensland tasmania  nsw qld vic tas waikato 
  otago southland taranaki northland manawatu  hawke's bay tairawhiti tairāwhiti
  yorkshire lancashire merseyside cumbria northumberland  cheshire derbyshire nottinghamshire
  lincolnshire norfolk suffolk essex  sussex  hampshire dorset  cornwall somerset
  wiltshire gloucestershire oxfordshire berkshire buckinghamshire hertfordshire bedfordshire
  cambridgeshire northamptonshire leicestershire warwickshire staffordshire shropshire herefordshire
  worcestershire midlands teesside tyneside wearside highlands lowlands hebrides orkney shetland fife
  lothian ayrshire lanarkshire galloway powys gwynedd ceredigion pembrokeshire carmarthenshire
  glamorgan gwent clwyd anglesey  mayo       
       laois offaly   meath westmeath 
       fermanagh 
  wiradjuri noongar nyoongar yolngu yolŋu arrernte pitjantjatjara warlpiri gamilaraay kamilaroi
  bundjalung wurundjeri kaurna larrakia yorta gunditjmara palawa murri koori koorie goori nunga
  dine diné navajo lakota  ojibwe anishinaabe cree mohawk haudenosaunee cherokee apache hopi
  mi'kmaq inuk inuit metis métis salish sto:lo stó:lō haida tlingit nisga'a gitxsan
  ngati ngāti ngai ngāi ngapuhi ngāpuhi tainui tuhoe tūhoe porou kahungunu raukawa whatua
  oranga tamariki whatu pharmac pou acc winz msd
  anzac waitangi labor labour juneteenth thanksgiving memorial veterans remembrance armistice diwali's
  mum mam mom mammy mummy mommy dad daddy nan nana nanna gran granny grandma grandad grandpa granda
`);

/**
 * Ordinary English words that are also given names: capitalised in mid-sentence they are most likely
 * names ("with Grace", "told Will"), at the start of a sentence only with more evidence.
 */
export const ENGLISH_NAMES = words(`
  will bill bob rob robin mark frank jack guy ray art pat sue sandy grant chase drew wade lance reed
  rusty buck chip bud dusty sonny ace duke earl major rich hardy hope faith joy grace dawn may june april
  august summer autumn winter rose lily daisy ivy holly hazel heather iris violet poppy ruby amber pearl
  crystal jade sky skye river storm rain sunny honey precious blessing comfort gift mercy patience
  prudence charity constance felicity honour honor destiny harmony melody liberty serenity trinity
  bliss fern willow rowan ash hunter mason carter taylor cooper porter parker fisher miller baker young
  ward bishop king prince stone hill wood green white brown black gray grey long short little moody
  gold silver penny kitty bunny candy cherry ginger olive peach hero nelson norman forest clay cliff
  dale glen heath marsh brook field bay cole dean don gene jean mo pip tiny bear wolf fox hawk raven
  jay wren lark dove robin sparrow star angel noble royal earnest ernest victor vic faye ebony carmen
  sterling sable beau belle blaze colt dallas denver austin houston lincoln jordan sydney paris
  florence georgia india israel chelsea kerry shannon carol jewel destiny neve
`);

/** Prefixes and endings that make new words of ordinary ones: "rebooking", "telehealth", "co-facilitate". */
export const PREFIXES = [
  'counter',
  'hyper',
  'hypo',
  'inter',
  'intra',
  'extra',
  'micro',
  'macro',
  'multi',
  'neuro',
  'psycho',
  'socio',
  'pseudo',
  'quasi',
  'ultra',
  'super',
  'trans',
  'under',
  'over',
  'anti',
  'post',
  'tele',
  'semi',
  'mini',
  'mega',
  'meta',
  'self',
  'non',
  'pre',
  'sub',
  'mis',
  'dis',
  'out',
  'co',
  're',
  'un',
  'de',
  'ex',
  'bi',
  'in',
  'e',
];
export const SUFFIXES = [
  'isations',
  'izations',
  'isation',
  'ization',
  'ising',
  'izing',
  'ised',
  'ized',
  'ises',
  'izes',
  'ise',
  'ize',
  'ness',
  'ment',
  'ments',
  'ships',
  'ship',
  'ings',
  'ing',
  'ers',
  'er',
  'ors',
  'or',
  'ed',
  'es',
  's',
  'ly',
  'ish',
  'ful',
  'less',
  'able',
  'ible',
  'ity',
  'ure',
  'ive',
  'al',
  'y',
];

/** Titles: the word after one is a name. */
export const TITLES = words(`
  dr doctor mr mrs ms miss mx master prof professor sir dame lord lady rev revd reverend fr father sr
  sister brother pastor imam rabbi sheikh cllr councillor judge officer pc ds di sgt sergeant nurse
  aunty auntie uncle nana nan nanna gran granny grandma grandpa grandad granda papa mama
`);

/** Words before a name that say whose: "her brother Omar", "my client Maria". */
export const RELATIONS = words(`
  mother mum mom mam mammy mummy mommy mother's father dad daddy da pa brother bro sister sis son
  daughter husband wife partner spouse boyfriend girlfriend fiance fiancé fiancee fiancée ex ex-partner
  ex-husband ex-wife aunt auntie aunty uncle cousin nan nana nanna gran granny grandma grandmother grandpa
  grandad granddad grandfather granda niece nephew stepdad stepfather stepmum stepmother stepmom
  stepbrother stepsister stepson stepdaughter half-brother half-sister twin baby child kid kids children
  toddler infant grandson granddaughter grandchild godmother godfather carer caregiver guardian
  foster-carer mother-in-law father-in-law sister-in-law brother-in-law
  friend friends mate neighbour neighbor flatmate housemate roommate landlord landlady
`);

export const COLLEAGUES = words(`
  colleague colleagues manager supervisor consultant registrar nurse hca ot psychologist psychiatrist
  therapist counsellor counselor worker keyworker coordinator co-ordinator matron headteacher senco sendco
  gp doctor physio pharmacist trainee preceptee preceptor mentor assessor clinician practitioner pwp amhp cpn
  rmn chaplain advocate interpreter receptionist secretary administrator boss deputy sister charge
`);

export const CLIENTS = words(`
  client patient pupil student resident tenant referral caller participant user attendee
`);

/** Verbs that follow a person: "Grace said", "Will told me". Not "is" or "was": "Hope is", "May was". */
export const PERSON_VERBS = words(`
  said says told tells asked asks replied replies shouted screamed cried laughed smiled nodded
  explained explains described describes mentioned mentions disclosed discloses admitted admits
  agreed agrees refused refuses wanted wants came comes arrived arrives rang rings phoned texted
  emailed messaged thinks believes knows walked stormed stayed stays sat sits stood stands spoke speaks
  talked talks attended attends missed misses presented presents reported reports denied denies
  readmitted returned returns absconded self-harmed punched kicked hit slept sleeps ate eats
  whispered yelled sobbed giggled sighed shrugged insisted complained apologised apologized
  thanked hugged joined declined accepted consented disclosed engaged engages struggled struggles
  turned rolled walks arrives suggested suggests offered offers noticed notices wondered wonders reminded
  encouraged pointed challenged helped helps brought brings wrote writes sent sends shared shares raised
  raises cancelled canceled rescheduled phoned dropped messaged queried questioned asked begged pleaded
  went goes left leaves cried sobbed screamed punched threatened assaulted absconded refused declined
  did'nt couldn't wouldn't can't won't didn't doesn't heard made kept took gave followed messaged
  showed shows chose chooses decided decides wants wanted needed needs refused picked
  hovered lingered smoked vaped paced shouted banged waited slammed knocked visited called rang
`);

/** Words that end the name of a place: "Harewood Ward", "Bryn Teg Surgery", "St Bede's RC Primary". */
export const PLACE_HEADS: Record<string, string> = {
  ward: 'Ward',
  wards: 'Ward',
  unit: 'Unit',
  suite: 'Unit',
  hospital: 'Hospital',
  infirmary: 'Hospital',
  ysbyty: 'Hospital',
  hospice: 'Hospice',
  surgery: 'Surgery',
  practice: 'Surgery',
  'health centre': 'Surgery',
  'medical centre': 'Surgery',
  'health center': 'Surgery',
  'medical center': 'Surgery',
  clinic: 'Clinic',
  centre: 'Centre',
  center: 'Centre',
  school: 'School',
  primary: 'School',
  academy: 'School',
  college: 'College',
  university: 'University',
  nursery: 'School',
  'high school': 'School',
  'grammar school': 'School',
  high: 'School',
  elementary: 'School',
  'middle school': 'School',
  'primary school': 'School',
  'infant school': 'School',
  'junior school': 'School',
  secondary: 'School',
  gaelscoil: 'School',
  scoil: 'School',
  ysgol: 'School',
  house: 'House',
  lodge: 'House',
  hall: 'House',
  home: 'Home',
  'care home': 'Home',
  'nursing home': 'Home',
  hostel: 'Hostel',
  prison: 'Prison',
  hmp: 'Prison',
  church: 'Place',
  chapel: 'Place',
  mosque: 'Place',
  masjid: 'Place',
  gurdwara: 'Place',
  temple: 'Place',
  mandir: 'Place',
  synagogue: 'Place',
  library: 'Place',
  estate: 'Place',
  barracks: 'Place',
  refuge: 'Place',
  shelter: 'Place',
  campus: 'Place',
  village: 'Place',
  station: 'Place',
  hotel: 'Place',
  pub: 'Place',
  inn: 'Place',
  arms: 'Place',
  club: 'Place',
  gym: 'Place',
  leisure: 'Place',
  mill: 'Place',
  farm: 'Place',
  works: 'Workplace',
  factory: 'Workplace',
  warehouse: 'Workplace',
  depot: 'Workplace',
  ltd: 'Workplace',
  limited: 'Workplace',
  plc: 'Workplace',
  inc: 'Workplace',
  llc: 'Workplace',
  trust: 'Workplace',
  cmht: 'Team',
  'behavioral health': 'Workplace',
  'behavioural health': 'Workplace',
  'mental health': 'Workplace',
  'counseling center': 'Centre',
  'counselling centre': 'Centre',
  cmhs: 'Team',
  crht: 'Team',
  htt: 'Team',
  camhs: 'Team',
  picu: 'Ward',
  hdu: 'Ward',
  general: 'Hospital',
  private: 'Hospital',
  psychology: 'Workplace',
  counselling: 'Workplace',
  bakery: 'Workplace',
  cafe: 'Workplace',
  café: 'Workplace',
  shop: 'Workplace',
  store: 'Workplace',
  stores: 'Workplace',
  garage: 'Workplace',
  salon: 'Workplace',
  restaurant: 'Workplace',
  takeaway: 'Workplace',
  supermarket: 'Workplace',
  logistics: 'Workplace',
  haulage: 'Workplace',
  foods: 'Workplace',
  motors: 'Workplace',
  'co-op': 'Workplace',
  produce: 'Workplace',
  nails: 'Workplace',
  actuarial: 'Workplace',
  fisheries: 'Workplace',
  farms: 'Workplace',
  dairy: 'Workplace',
  transport: 'Workplace',
  solutions: 'Workplace',
  construction: 'Workplace',
  cleaning: 'Workplace',
  consulting: 'Workplace',
  engineering: 'Workplace',
  electrical: 'Workplace',
  plumbing: 'Workplace',
  roofing: 'Workplace',
  builders: 'Workplace',
  joinery: 'Workplace',
  catering: 'Workplace',
  kitchen: 'Workplace',
  barbers: 'Workplace',
  barber: 'Workplace',
  hair: 'Workplace',
  beauty: 'Workplace',
  tattoo: 'Workplace',
  autos: 'Workplace',
  tyres: 'Workplace',
  taxis: 'Workplace',
  cabs: 'Workplace',
  pharmacy: 'Workplace',
  chemist: 'Workplace',
  chemists: 'Workplace',
  dental: 'Workplace',
  opticians: 'Workplace',
  vets: 'Workplace',
  mart: 'Workplace',
  packers: 'Workplace',
  packing: 'Workplace',
  carpets: 'Workplace',
  bar: 'Place',
  tavern: 'Place',
  lounge: 'Place',
  'halting site': 'Place',
  plant: 'Workplace',
  site: 'Place',
  marae: 'Place',
  park: 'Place',
  meddygfa: 'Surgery',
  feddygfa: 'Surgery',
  canolfan: 'Centre',
  coleg: 'College',
};

/** Words that say nothing about which place it is: "the Acute Ward", "Mental Health Unit". */
export const GENERIC_PLACE_WORDS = words(`
  the a an our their his her my your this that same new old main local central general district regional
  community acute admissions admission assessment mental health psychiatric psychiatry inpatient
  in-patient outpatient out-patient medical medicine surgical secure low medium high intensive care
  older adult adults adolescent adolescents young people child children's childrens women's womens men's
  mens mother baby perinatal eating disorders disorder day night crisis recovery rehab rehabilitation
  forensic learning disability disabilities dementia memory elderly assessment treatment home
  primary secondary special infant infants junior nursery sixth form state private independent public
  catholic rc c of e church faith free grammar comprehensive boarding village city county town national
  royal university teaching hospital hospitals nhs foundation trust trusts partnership partnerships
  gp doctor's doctors dental walk-in urgent emergency a&e ed accident minor injuries respite step-down
  step-up specialist specialised specialized and for of with at on in to by
  residential supported living care nursing group drug alcohol addiction addictions substance misuse
  sexual gender identity neuro neurology neurodevelopmental autism adhd cahms camhs cmht iapt eip
  psychology psychological therapies therapy talking wellbeing well-being counselling counseling
  student students staff occupational social services service team teams unit units ward wards clinic
  clinics centre center centres centers base hub office offices department departments
  north south east west northern southern eastern western upper lower inner outer
`);

/** Street types: "14 Acacia Avenue", "Plot 6, Fen Lane", "1425 Maple Ave". */
export const STREET_TYPES = [
  'Road',
  'Rd',
  'Street',
  'St',
  'Avenue',
  'Ave',
  'Av',
  'Lane',
  'Ln',
  'Drive',
  'Dr',
  'Drv',
  'Close',
  'Cl',
  'Way',
  'Court',
  'Ct',
  'Crescent',
  'Cres',
  'Cresc',
  'Place',
  'Pl',
  'Gardens',
  'Gdns',
  'Garden',
  'Grove',
  'Gr',
  'Gro',
  'Terrace',
  'Terr',
  'Tce',
  'Square',
  'Sq',
  'Hill',
  'Park',
  'Row',
  'Mews',
  'Walk',
  'View',
  'Rise',
  'Vale',
  'Green',
  'Parade',
  'Pde',
  'Parkway',
  'Pkwy',
  'Boulevard',
  'Blvd',
  'Highway',
  'Hwy',
  'Circle',
  'Cir',
  'Loop',
  'Trail',
  'Trl',
  'Pike',
  'Alley',
  'Wynd',
  'Brae',
  'Gate',
  'Yard',
  'Wharf',
  'Quay',
  'Embankment',
  'Approach',
  'Croft',
  'Chase',
  'Meadow',
  'Meadows',
  'Fold',
  'Bank',
  'Heights',
  'Hts',
  'Brow',
  'Dale',
  'Dell',
  'Glen',
  'Grange',
  'Lea',
  'Ley',
  'End',
  'Hollow',
  'Nook',
  'Orchard',
  'Paddock',
  'Passage',
  'Path',
  'Ridge',
  'Side',
  'Spur',
  'Terrace',
  'Cottages',
  'Villas',
  'Buildings',
  'Mansions',
  'Crossing',
  'Court',
  'Esplanade',
  'Promenade',
  'Broadway',
  'Causeway',
  'Close',
  'Cove',
  'Expressway',
  'Freeway',
  'Fwy',
  'Turnpike',
  'Plaza',
  'Point',
  'Pt',
  'Run',
  'Track',
  'Row',
  'Vennel',
  'Loan',
  'Bóthar',
  'Sráid',
  'Ascent',
  'Grn',
  'Gdn',
  'Mall',
  'Circus',
  'Hey',
  'Holme',
  'Garth',
  'Leys',
  'Wood',
  'Woods',
  'Copse',
  'Common',
  'Mount',
  'Crt',
  'Cct',
  'Circuit',
  'Field',
  'Fields',
  'Cross',
];

/** Flat and unit words before a house number: "Flat 2/1, 48 Allison Street", "Unit 3/27 Smith St". */
export const UNIT_WORDS = [
  'Flat',
  'Fflat',
  'Apartment',
  'Apt',
  'Unit',
  'Suite',
  'Plot',
  'Room',
  'No',
  'Number',
  'House',
  'Lot',
];
