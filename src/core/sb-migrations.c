/* sb-migrations.c: the numbered schema migrations of the StdBase database
 *
 * Never edit a migration that has shipped: add a new one.  Each runs inside
 * the transaction that also sets PRAGMA user_version, so a failure leaves the
 * file at the version it had.
 */
#define G_LOG_DOMAIN "sb-migrations"

#include "config.h"

#include "sb-migrations.h"

/* Version 1: the programme as DESIGN.md describes it.  Tables keyed by
 * their natural composite key are WITHOUT ROWID: one b-tree, not two. */
static const char migration_1[] =
  /* Reference data: rows, not code, so the authority can add domains. */
  "CREATE TABLE domains ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name_zh TEXT NOT NULL,"
  "  name_en TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  statutory INTEGER NOT NULL DEFAULT 0"   /* one of the twelve of Art. 3 */
  ");"
  "CREATE TABLE tags ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name_zh TEXT NOT NULL,"
  "  name_en TEXT NOT NULL,"
  "  position INTEGER NOT NULL"
  ");"
  "CREATE TABLE cities ("
  "  code TEXT PRIMARY KEY,"                 /* division prefix, or 'zone' */
  "  name_zh TEXT NOT NULL,"
  "  name_en TEXT NOT NULL,"
  "  position INTEGER NOT NULL"
  ");"
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"
  "CREATE TABLE calendar_files ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  imported_at TEXT NOT NULL,"
  "  content TEXT NOT NULL"
  ");"

  /* Organisations: lead units, co-applicants, co-builders, recommenders. */
  "CREATE TABLE organisations ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  credit_code TEXT UNIQUE,"
  "  division TEXT,"                         /* characters 3–8 of the code */
  "  kind TEXT NOT NULL CHECK (kind IN ('enterprise', 'institution',"
  "    'industry_department', 'city_authority', 'authority', 'other')),"
  "  legal_person INTEGER NOT NULL DEFAULT 1,"
  "  address TEXT,"
  "  contact_name TEXT,"
  "  contact_phone TEXT,"
  "  contact_email TEXT,"
  "  city_code TEXT REFERENCES cities (code)"
  ");"

  /* A base from its first draft to its end.  The date columns are the
   * facts that the life-cycle rules record; every deadline is computed from
   * them, none is stored. */
  "CREATE TABLE bases ("
  "  id INTEGER PRIMARY KEY,"
  "  short_name_zh TEXT NOT NULL,"
  "  short_name_en TEXT NOT NULL DEFAULT '',"
  "  domain_id INTEGER REFERENCES domains (id),"
  "  lead_unit_id INTEGER REFERENCES organisations (id),"
  "  recommender_id INTEGER REFERENCES organisations (id),"
  "  city_code TEXT REFERENCES cities (code),"
  "  state TEXT NOT NULL DEFAULT 'draft',"
  "  created_date TEXT NOT NULL,"
  "  submitted_date TEXT,"
  "  approval_date TEXT,"
  "  cycle_months INTEGER NOT NULL DEFAULT 36,"
  "  plan_submitted_date TEXT,"
  "  midterm_report_date TEXT,"
  "  midterm_evaluated_date TEXT,"
  "  acceptance_applied_date TEXT,"
  "  acceptance_failed_date TEXT,"
  "  extension_requested_date TEXT,"
  "  extension_requested_months INTEGER NOT NULL DEFAULT 0,"
  "  extension_months INTEGER NOT NULL DEFAULT 0,"
  "  established_date TEXT,"
  "  assessment_failed_date TEXT,"
  "  rectify_by_date TEXT,"
  "  closed_date TEXT,"                      /* rejected or revoked */
  "  last_transition_date TEXT"
  ");"
  "CREATE INDEX bases_domain ON bases (domain_id);"
  "CREATE INDEX bases_state ON bases (state);"
  "CREATE INDEX bases_lead_unit ON bases (lead_unit_id);"
  "CREATE TABLE base_tags ("
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id),"
  "  PRIMARY KEY (base_id, tag_id)"
  ") WITHOUT ROWID;"
  /* Art. 12 co-applicants and the co-builders of the construction plan. */
  "CREATE TABLE base_units ("
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisations (id),"
  "  role TEXT NOT NULL CHECK (role IN ('co_applicant', 'co_builder')),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (base_id, organisation_id, role)"
  ") WITHOUT ROWID;"

  /* Documents: PDFs copied into the managed store, found by checksum. */
  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  sha256 TEXT NOT NULL,"
  "  file_name TEXT NOT NULL,"               /* the name it had when added */
  "  size INTEGER NOT NULL,"
  "  pages INTEGER NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'attachment',"
  "  base_id INTEGER REFERENCES bases (id) ON DELETE CASCADE,"
  "  added_at TEXT NOT NULL"
  ");"
  "CREATE INDEX documents_base ON documents (base_id);"

  /* The application (申报书), Art. 11–13. */
  "CREATE TABLE applications ("
  "  base_id INTEGER PRIMARY KEY REFERENCES bases (id) ON DELETE CASCADE,"
  "  research_capability TEXT NOT NULL DEFAULT '',"
  "  service_capability TEXT NOT NULL DEFAULT '',"
  "  recommendation TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE application_conditions ("
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  condition INTEGER NOT NULL CHECK (condition BETWEEN 1 AND 5),"
  "  statement TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (base_id, condition)"
  ") WITHOUT ROWID;"
  "CREATE TABLE condition_documents ("
  "  base_id INTEGER NOT NULL,"
  "  condition INTEGER NOT NULL,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id),"
  "  PRIMARY KEY (base_id, condition, document_id),"
  "  FOREIGN KEY (base_id, condition)"
  "    REFERENCES application_conditions (base_id, condition) ON DELETE CASCADE"
  ") WITHOUT ROWID;"

  /* Standards: those named under Art. 11 (3) in the application, and
   * those the base produces, which its annual reports count. */
  "CREATE TABLE standards ("
  "  id INTEGER PRIMARY KEY,"
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  designation TEXT NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  level TEXT NOT NULL CHECK (level IN ('international', 'national',"
  "    'industry', 'local', 'group')),"
  "  role TEXT NOT NULL CHECK (role IN ('led', 'participated')),"
  "  source TEXT NOT NULL CHECK (source IN ('application', 'produced')),"
  "  year INTEGER NOT NULL,"
  "  UNIQUE (base_id, designation, source)"
  ");"

  /* Every life-cycle step: who, in which role, when, why, with what. */
  "CREATE TABLE transitions ("
  "  id INTEGER PRIMARY KEY,"
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  action TEXT NOT NULL,"
  "  from_state TEXT NOT NULL,"
  "  to_state TEXT NOT NULL,"
  "  date TEXT NOT NULL,"
  "  role TEXT NOT NULL,"
  "  actor TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  months INTEGER,"                        /* cycle or extension length */
  "  year INTEGER,"                          /* annual report or assessment */
  "  deadline TEXT,"                         /* rectification set by the authority */
  "  recorded_at TEXT NOT NULL"
  ");"
  "CREATE INDEX transitions_base ON transitions (base_id, id);"
  "CREATE TABLE transition_documents ("
  "  transition_id INTEGER NOT NULL REFERENCES transitions (id) ON DELETE CASCADE,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id),"
  "  PRIMARY KEY (transition_id, document_id)"
  ") WITHOUT ROWID;"

  /* Reviews (Art. 14, 15, 19, 20) and their score sheets. */
  "CREATE TABLE reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  transition_id INTEGER REFERENCES transitions (id),"
  "  kind TEXT NOT NULL CHECK (kind IN ('formal', 'expert', 'midterm',"
  "    'acceptance')),"
  "  reviewer TEXT NOT NULL,"
  "  date TEXT NOT NULL,"
  "  opinion TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE review_scores ("
  "  review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,"
  "  criterion TEXT NOT NULL,"
  "  score REAL NOT NULL,"
  "  max_score REAL NOT NULL,"
  "  comment TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (review_id, criterion)"
  ") WITHOUT ROWID;"

  /* Annual self-inspection reports (Art. 24, 35) and assessments (Art. 36). */
  "CREATE TABLE annual_reports ("
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL,"
  "  submitted_date TEXT NOT NULL,"
  "  standards_international INTEGER NOT NULL DEFAULT 0,"
  "  standards_national INTEGER NOT NULL DEFAULT 0,"
  "  standards_industry INTEGER NOT NULL DEFAULT 0,"
  "  standards_local INTEGER NOT NULL DEFAULT 0,"
  "  standards_group INTEGER NOT NULL DEFAULT 0,"
  "  proposals INTEGER NOT NULL DEFAULT 0,"
  "  awards_applied INTEGER NOT NULL DEFAULT 0,"
  "  awards_won INTEGER NOT NULL DEFAULT 0,"
  "  entrusted_tasks INTEGER NOT NULL DEFAULT 0,"
  "  smes_served INTEGER NOT NULL DEFAULT 0,"
  "  training_sessions INTEGER NOT NULL DEFAULT 0,"
  "  people_trained INTEGER NOT NULL DEFAULT 0,"
  "  open_days INTEGER NOT NULL DEFAULT 0,"
  "  international_roles INTEGER NOT NULL DEFAULT 0,"
  "  patents INTEGER NOT NULL DEFAULT 0,"
  "  document_id INTEGER REFERENCES documents (id),"
  "  PRIMARY KEY (base_id, year)"
  ") WITHOUT ROWID;"
  "CREATE TABLE assessments ("
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL,"
  "  date TEXT NOT NULL,"
  "  score_service REAL,"                    /* service level, contribution */
  "  score_team REAL,"                       /* team building, talent */
  "  score_cooperation REAL,"                /* cooperation, operation */
  "  passed INTEGER NOT NULL,"
  "  comments TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (base_id, year)"
  ") WITHOUT ROWID;"

  /* The twelve domains of Art. 3. */
  "INSERT INTO domains (code, name_zh, name_en, position, statutory) VALUES"
  "  ('high-end-equipment', '高端装备制造', 'High-end equipment manufacturing', 1, 1),"
  "  ('intelligent-coal-mining', '煤矿智能采掘', 'Intelligent coal mining', 2, 1),"
  "  ('coal-measure-gas', '煤成气', 'Coal-measure gas', 3, 1),"
  "  ('rail-transit', '轨道交通', 'Rail transit', 4, 1),"
  "  ('general-aviation', '通用航空', 'General aviation', 5, 1),"
  "  ('semiconductors', '半导体', 'Semiconductors', 6, 1),"
  "  ('carbon-materials', '碳基新材料', 'Carbon-based new materials', 7, 1),"
  "  ('special-metals', '特种金属材料', 'Special metal materials', 8, 1),"
  "  ('big-data', '大数据', 'Big data', 9, 1),"
  "  ('it-innovation', '信息技术应用创新', 'IT application innovation', 10, 1),"
  "  ('biomedicine', '现代生物医药', 'Modern biomedicine', 11, 1),"
  "  ('agriculture', '现代农业', 'Modern agriculture', 12, 1);"
  /* The six new (六新) of Art. 3 and 27. */
  "INSERT INTO tags (code, name_zh, name_en, position) VALUES"
  "  ('new-infrastructure', '新基建', 'New infrastructure', 1),"
  "  ('new-technology', '新技术', 'New technology', 2),"
  "  ('new-materials', '新材料', 'New materials', 3),"
  "  ('new-equipment', '新装备', 'New equipment', 4),"
  "  ('new-products', '新产品', 'New products', 5),"
  "  ('new-business', '新业态', 'New business forms', 6);"
  /* The eleven prefecture-level cities and the demonstration zone (Art. 5). */
  "INSERT INTO cities (code, name_zh, name_en, position) VALUES"
  "  ('1401', '太原市', 'Taiyuan', 1),"
  "  ('1402', '大同市', 'Datong', 2),"
  "  ('1403', '阳泉市', 'Yangquan', 3),"
  "  ('1404', '长治市', 'Changzhi', 4),"
  "  ('1405', '晋城市', 'Jincheng', 5),"
  "  ('1406', '朔州市', 'Shuozhou', 6),"
  "  ('1407', '晋中市', 'Jinzhong', 7),"
  "  ('1408', '运城市', 'Yuncheng', 8),"
  "  ('1409', '忻州市', 'Xinzhou', 9),"
  "  ('1410', '临汾市', 'Linfen', 10),"
  "  ('1411', '吕梁市', 'Lüliang', 11),"
  "  ('zone', '山西转型综合改革示范区', 'Shanxi Transformation and Comprehensive Reform Demonstration Zone', 12);"
  /* The recommenders of Art. 5, 7, 8 and 13. */
  "INSERT INTO organisations (name, kind, legal_person, city_code) VALUES"
  "  ('山西省发展和改革委员会', 'industry_department', 1, '1401'),"
  "  ('山西省科学技术厅', 'industry_department', 1, '1401'),"
  "  ('山西省工业和信息化厅', 'industry_department', 1, '1401'),"
  "  ('山西省生态环境厅', 'industry_department', 1, '1401'),"
  "  ('山西省农业农村厅', 'industry_department', 1, '1401'),"
  "  ('太原市市场监督管理局', 'city_authority', 1, '1401'),"
  "  ('大同市市场监督管理局', 'city_authority', 1, '1402'),"
  "  ('阳泉市市场监督管理局', 'city_authority', 1, '1403'),"
  "  ('长治市市场监督管理局', 'city_authority', 1, '1404'),"
  "  ('晋城市市场监督管理局', 'city_authority', 1, '1405'),"
  "  ('朔州市市场监督管理局', 'city_authority', 1, '1406'),"
  "  ('晋中市市场监督管理局', 'city_authority', 1, '1407'),"
  "  ('运城市市场监督管理局', 'city_authority', 1, '1408'),"
  "  ('忻州市市场监督管理局', 'city_authority', 1, '1409'),"
  "  ('临汾市市场监督管理局', 'city_authority', 1, '1410'),"
  "  ('吕梁市市场监督管理局', 'city_authority', 1, '1411'),"
  "  ('山西转型综合改革示范区标准化行政主管部门', 'city_authority', 1, 'zone');"
  /* Programme rules the regulation leaves to the authority. */
  "INSERT INTO settings (key, value) VALUES"
  "  ('midterm-percent', '50'),"                 /* Art. 19: the middle */
  "  ('annual-report-due', '03-31'),"            /* of the next year */
  "  ('annual-assessment-due', '06-30');";

/* Migration 2: the audit log (see sb-audit.c).  Nobody edits it: each entry
 * carries the hash of the one before, so a changed, removed or reordered
 * entry breaks the chain.  Triggers append to it, so every writer of the
 * audited tables is covered, whichever code path it takes. */
static const char migration_audit[] =
  "CREATE TABLE audit_log ("
  "  seq INTEGER PRIMARY KEY,"
  "  recorded_at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  role TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  operation TEXT NOT NULL,"
  "  base_id INTEGER,"                       /* no foreign key: the log outlives a base */
  "  payload TEXT NOT NULL,"
  "  hash TEXT NOT NULL"
  ");"
  "CREATE INDEX audit_log_base ON audit_log (base_id, seq) WHERE base_id IS NOT NULL;"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  /* The first entry says where the record starts: what came before the
   * upgrade is not in the log. */
  "INSERT INTO audit_log (seq, recorded_at, actor, role, entity, operation,"
  "  base_id, payload, hash)"
  " SELECT 1, at, sb_audit_actor (), sb_audit_role (), 'audit_log', 'begin',"
  "  NULL, payload, sb_audit_hash ('', 1, at, sb_audit_actor (), sb_audit_role (),"
  "  'audit_log', 'begin', NULL, payload)"
  " FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at,"
  "  json_object ('schema', 2) AS payload);";

/* The submitted data of migration 1.  The date columns of bases are not
 * listed: they are the facts each transition records, and the transitions
 * themselves are audited. */
static const SbAuditedTable audited_by_migration_audit[] = {
  { "organisations", "NULL",
    "id name credit_code division kind legal_person address contact_name"
    " contact_phone contact_email city_code", NULL },
  { "bases", "R.id",
    "id short_name_zh short_name_en domain_id lead_unit_id recommender_id city_code",
    "short_name_zh, short_name_en, domain_id, lead_unit_id, recommender_id, city_code" },
  { "base_tags", "R.base_id", "base_id tag_id", NULL },
  { "base_units", "R.base_id", "base_id organisation_id role position", NULL },
  { "documents", "R.base_id", "id sha256 file_name size pages kind base_id", NULL },
  { "applications", "R.base_id",
    "base_id research_capability service_capability recommendation", NULL },
  { "application_conditions", "R.base_id", "base_id condition statement", NULL },
  { "condition_documents", "R.base_id", "base_id condition document_id", NULL },
  { "standards", "R.base_id",
    "id base_id designation title level role source year", NULL },
  { "transitions", "R.base_id",
    "id base_id action from_state to_state date role actor note months year deadline", NULL },
  { "transition_documents",
    "(SELECT base_id FROM transitions WHERE id = R.transition_id)",
    "transition_id document_id", NULL },
  { "reviews", "R.base_id",
    "id base_id transition_id kind reviewer date opinion", NULL },
  { "review_scores", "(SELECT base_id FROM reviews WHERE id = R.review_id)",
    "review_id criterion score max_score comment", NULL },
  { "annual_reports", "R.base_id",
    "base_id year submitted_date standards_international standards_national"
    " standards_industry standards_local standards_group proposals awards_applied"
    " awards_won entrusted_tasks smes_served training_sessions people_trained"
    " open_days international_roles patents document_id", NULL },
  { "assessments", "R.base_id",
    "base_id year date score_service score_team score_cooperation passed comments",
    NULL },
};

/* Migration 3: the people who use the programme, each in one role of the
 * regulation and, for applicants and recommenders, for one organisation. */
static const char migration_profiles[] =
  "CREATE TABLE profiles ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL CHECK (role IN ('applicant', 'recommender',"
  "    'technical-institution', 'expert', 'authority')),"
  "  organisation_id INTEGER REFERENCES organisations (id),"
  "  created_at TEXT NOT NULL,"
  "  UNIQUE (name, role, organisation_id)"
  ");";

static const SbAuditedTable audited_by_migration_profiles[] = {
  { "profiles", "NULL", "id name role organisation_id", NULL },
};

/* Migration 4: the expert pool and the panels that review a base (Art. 15,
 * 19, 20, 36).  Each expert's score sheet is a row of reviews with its
 * review_scores, now tied to its panel. */
static const char migration_panels[] =
  "CREATE TABLE experts ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  organisation_id INTEGER REFERENCES organisations (id),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  fields TEXT NOT NULL DEFAULT ''"        /* domain codes, space-separated */
  ");"
  "CREATE TABLE panels ("
  "  id INTEGER PRIMARY KEY,"
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('expert', 'midterm', 'acceptance', 'annual')),"
  "  year INTEGER,"
  "  formed_date TEXT NOT NULL"
  ");"
  "CREATE INDEX panels_base ON panels (base_id);"
  "CREATE TABLE panel_members ("
  "  panel_id INTEGER NOT NULL REFERENCES panels (id) ON DELETE CASCADE,"
  "  expert_id INTEGER NOT NULL REFERENCES experts (id),"
  "  PRIMARY KEY (panel_id, expert_id)"
  ") WITHOUT ROWID;"
  "ALTER TABLE reviews ADD COLUMN panel_id INTEGER REFERENCES panels (id);"
  "ALTER TABLE reviews ADD COLUMN expert_id INTEGER REFERENCES experts (id);"
  "CREATE UNIQUE INDEX reviews_panel_expert ON reviews (panel_id, expert_id)"
  "  WHERE panel_id IS NOT NULL;";

static const SbAuditedTable audited_by_migration_panels[] = {
  { "experts", "NULL", "id name organisation_id title fields", NULL },
  { "panels", "R.base_id", "id base_id kind year formed_date", NULL },
  { "panel_members", "(SELECT base_id FROM panels WHERE id = R.panel_id)",
    "panel_id expert_id", NULL },
};

/* Migration 5: drafts of the step wizards, and the construction plan (Art. 16).
 * A draft is a set of key/value fields, one row each, so a keystroke
 * rewrites one small row; it belongs to a base once there is one (the
 * plan) and to none before the application is submitted.  The submitted
 * application goes into the tables of migration 1; the plan's content,
 * which migration 1 has no room for, into the plan_ tables. */
static const char migration_plans_and_drafts[] =
  "CREATE TABLE drafts ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('application', 'plan')),"
  "  base_id INTEGER REFERENCES bases (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  step INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX drafts_base ON drafts (base_id);"
  "CREATE TABLE draft_fields ("
  "  draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (draft_id, key)"
  ") WITHOUT ROWID;"

  "CREATE TABLE plans ("
  "  base_id INTEGER PRIMARY KEY REFERENCES bases (id) ON DELETE CASCADE,"
  "  goals TEXT NOT NULL DEFAULT '',"
  "  submitted_date TEXT"
  ");"
  "CREATE TABLE plan_tasks ("
  "  id INTEGER PRIMARY KEY,"
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  owner TEXT NOT NULL DEFAULT '',"
  "  standards_international INTEGER NOT NULL DEFAULT 0,"
  "  standards_national INTEGER NOT NULL DEFAULT 0,"
  "  standards_industry INTEGER NOT NULL DEFAULT 0,"
  "  standards_local INTEGER NOT NULL DEFAULT 0,"
  "  standards_group INTEGER NOT NULL DEFAULT 0,"
  "  services INTEGER NOT NULL DEFAULT 0,"     /* SMEs served */
  "  training INTEGER NOT NULL DEFAULT 0"      /* people trained */
  ");"
  "CREATE INDEX plan_tasks_base ON plan_tasks (base_id, position);"
  "CREATE TABLE plan_milestones ("
  "  task_id INTEGER NOT NULL REFERENCES plan_tasks (id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL,"                  /* 1, 2, 3 … of the cycle */
  "  date TEXT NOT NULL,"                     /* the end of that year */
  "  title TEXT NOT NULL,"
  "  PRIMARY KEY (task_id, year)"
  ") WITHOUT ROWID;"
  "CREATE TABLE plan_team ("
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL DEFAULT '',"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (base_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE plan_budget ("
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL,"                  /* 1, 2, 3 … of the cycle */
  "  source TEXT NOT NULL CHECK (source IN ('own', 'government', 'co_builders', 'other')),"
  "  amount REAL NOT NULL,"                   /* 10 000 yuan (万元) */
  "  PRIMARY KEY (base_id, year, source)"
  ") WITHOUT ROWID;";

/* The plan is submitted data; drafts are not: they are the applicant's
 * working copy until it is submitted. */
static const SbAuditedTable audited_by_migration_plans_and_drafts[] = {
  { "plans", "R.base_id", "base_id goals submitted_date", NULL },
  { "plan_tasks", "R.base_id",
    "id base_id position title owner standards_international standards_national"
    " standards_industry standards_local standards_group services training", NULL },
  { "plan_milestones", "(SELECT base_id FROM plan_tasks WHERE id = R.task_id)",
    "task_id year date title", NULL },
  { "plan_team", "R.base_id", "base_id position name role organisation", NULL },
  { "plan_budget", "R.base_id", "base_id year source amount", NULL },
};

/* Migration 6: certificates of established bases (Art. 22).  A certificate row is a
 * snapshot of what was printed: the names, lead unit, domain and dates as on
 * the day of issue, so that later changes to the base do not change what an
 * issued certificate says, and the verification code (an HMAC over exactly
 * these fields, see sb-certificate.c) can be recomputed.
 *
 * Numbers (sb-certificate.c): SXJD-YYYY-NNNN, YYYY the year of issue, NNNN
 * the order of issue within that year; a number is never reused, not even
 * after the certificate is void or revoked.
 *
 * State: issued, reissued (a replacement for a lost, damaged or corrected
 * one), void (replaced by a reissue) or revoked (the base was revoked,
 * Art. 21, 38).  At most one live (issued or reissued) certificate per base. */
static const char migration_certificates[] =
  "CREATE TABLE certificates ("
  "  id INTEGER PRIMARY KEY,"
  "  number TEXT NOT NULL UNIQUE,"
  "  year INTEGER NOT NULL,"
  "  serial INTEGER NOT NULL,"
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  state TEXT NOT NULL CHECK (state IN ('issued', 'reissued', 'void', 'revoked')),"
  "  issued_date TEXT NOT NULL,"
  "  closed_date TEXT,"                      /* made void or revoked */
  "  reason TEXT NOT NULL DEFAULT '',"        /* why it was reissued */
  "  void_reason TEXT NOT NULL DEFAULT '',"   /* why it is void or revoked */
  "  replaces_id INTEGER REFERENCES certificates (id),"
  "  name_zh TEXT NOT NULL,"
  "  name_en TEXT NOT NULL,"
  "  lead_unit TEXT NOT NULL,"
  "  domain_zh TEXT NOT NULL,"
  "  domain_en TEXT NOT NULL,"
  "  established_date TEXT NOT NULL,"
  "  authority_zh TEXT NOT NULL,"
  "  authority_en TEXT NOT NULL,"
  "  code TEXT NOT NULL,"                    /* the verification code */
  "  actor TEXT NOT NULL DEFAULT '',"
  "  recorded_at TEXT NOT NULL,"
  "  UNIQUE (year, serial)"
  ");"
  "CREATE INDEX certificates_base ON certificates (base_id, id);"
  "CREATE UNIQUE INDEX certificates_live ON certificates (base_id)"
  "  WHERE state IN ('issued', 'reissued');"
  /* A revoked base's certificate is revoked with it, whichever way the
   * base was revoked (Art. 21 after an extension, Art. 38 after a failed
   * re-check), and whoever revoked it. */
  "CREATE TRIGGER certificates_follow_revocation AFTER UPDATE OF state ON bases"
  "  WHEN NEW.state = 'revoked' AND OLD.state <> 'revoked'"
  "  BEGIN"
  "    UPDATE certificates SET state = 'revoked',"
  "      closed_date = COALESCE (NEW.closed_date, NEW.last_transition_date, date ('now')),"
  "      void_reason = 'base revoked'"
  "    WHERE base_id = NEW.id AND state IN ('issued', 'reissued');"
  "  END;"
  /* The issuing authority is data: the regulation names it only by its
   * role (省标准化主管部门, Art. 5); Art. 39 names 省市场监管局. The secret
   * that keys verification codes is random per database (sqlite3's
   * randomblob() reads the operating system's random source). */
  "INSERT INTO settings (key, value) VALUES"
  "  ('certificate-authority-zh', '山西省市场监督管理局'),"
  "  ('certificate-authority-en', 'Shanxi Administration for Market Regulation'),"
  "  ('certificate-secret', lower (hex (randomblob (32))));";

static const SbAuditedTable audited_by_migration_certificates[] = {
  { "certificates", "R.base_id",
    "id number year serial base_id state issued_date closed_date reason void_reason"
    " replaces_id name_zh name_en lead_unit domain_zh domain_en established_date"
    " authority_zh authority_en code actor", NULL },
};

/* Migration 7: what the authority sends and finds after an annual
 * assessment (Art. 36) and on a spot check (Art. 37). */
static const char migration_notices[] =
  "CREATE TABLE notices ("
  "  id INTEGER PRIMARY KEY,"
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL,"                  /* the assessment's year */
  "  recipient_id INTEGER NOT NULL REFERENCES organisations (id),"
  "  issued_date TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  UNIQUE (base_id, year, recipient_id)"
  ");"
  "CREATE INDEX notices_base ON notices (base_id);"
  "CREATE TABLE spot_checks ("
  "  id INTEGER PRIMARY KEY,"
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  method TEXT NOT NULL CHECK (method IN ('on-site', 'documents')),"
  "  inspector TEXT NOT NULL,"
  "  findings TEXT NOT NULL"
  ");"
  "CREATE INDEX spot_checks_base ON spot_checks (base_id);";

static const SbAuditedTable audited_by_migration_notices[] = {
  { "notices", "R.base_id", "id base_id year recipient_id issued_date title body", NULL },
  { "spot_checks", "R.base_id", "id base_id date method inspector findings", NULL },
};

/* Migration 8: reviewers' annotations on stored PDFs: each row is one mark,
 * recorded against the review it belongs to (none for a document opened
 * outside a review), on the original document, with the annotated copy
 * that holds it.  Geometry is in PDF points from the page's top-left
 * corner; "geometry" holds the lines of marked text or the ink strokes. */
static const char migration_annotations[] =
  "CREATE TABLE annotations ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  review_id INTEGER REFERENCES reviews (id) ON DELETE CASCADE,"
  "  annotated_document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('highlight', 'underline', 'note',"
  "    'free_text', 'ink')),"
  "  page INTEGER NOT NULL CHECK (page >= 0),"
  "  x1 REAL NOT NULL,"
  "  y1 REAL NOT NULL,"
  "  x2 REAL NOT NULL,"
  "  y2 REAL NOT NULL,"
  "  geometry TEXT NOT NULL DEFAULT '',"
  "  colour TEXT NOT NULL,"                  /* #rrggbb */
  "  author TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"              /* ISO 8601 */
  "  contents TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX annotations_document ON annotations (document_id, review_id);"
  "CREATE INDEX annotations_review ON annotations (review_id);"
  "CREATE INDEX annotations_annotated ON annotations (annotated_document_id);";

static const SbAuditedTable audited_by_migration_annotations[] = {
  { "annotations", "(SELECT base_id FROM documents WHERE id = R.document_id)",
    "id document_id review_id annotated_document_id kind page x1 y1 x2 y2 geometry colour"
    " author created_at contents", NULL },
};

/* Migration 9: the mid-term report's progress against the plan's
 * milestones, and the plan adjustments the evaluation asks for (Art. 19). */
static const char migration_midterm[] =
  "CREATE TABLE midterm_progress ("
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  task_id INTEGER NOT NULL REFERENCES plan_tasks (id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL,"
  "  progress TEXT NOT NULL CHECK (progress IN ('not-yet', 'partly', 'achieved')),"
  "  PRIMARY KEY (base_id, task_id, year)"
  ") WITHOUT ROWID;"
  "CREATE TABLE plan_adjustments ("
  "  id INTEGER PRIMARY KEY,"
  "  base_id INTEGER NOT NULL REFERENCES bases (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  description TEXT NOT NULL"
  ");"
  "CREATE INDEX plan_adjustments_base ON plan_adjustments (base_id);";

static const SbAuditedTable audited_by_migration_midterm[] = {
  { "midterm_progress", "R.base_id", "base_id task_id year progress", NULL },
  { "plan_adjustments", "R.base_id", "id base_id date description", NULL },
};

/* Migration 10: the log says whose score sheet a review is.  Migration 4
 * tied reviews to a panel and an expert, but their triggers, made by
 * migration 2, logged neither: they are made again with both. */
static const char migration_review_audit[] =
  "DROP TRIGGER audit_reviews_insert;"
  "DROP TRIGGER audit_reviews_update;"
  "DROP TRIGGER audit_reviews_delete;";

static const SbAuditedTable audited_by_migration_review_audit[] = {
  { "reviews", "R.base_id",
    "id base_id transition_id kind reviewer date opinion panel_id expert_id", NULL },
};

/* Migration 11: an imported statutory calendar is logged, who imported it
 * and the file itself, since a new year's arrangement moves every deadline
 * counted in working days. */
static const char migration_calendar_audit[] = "";

static const SbAuditedTable audited_by_migration_calendar_audit[] = {
  { "calendar_files", "NULL", "id name imported_at content", NULL },
};

typedef struct
{
  const char           *sql;
  const SbAuditedTable *audited;   /* tables this migration adds to the log */
  guint                 n_audited;
} Migration;

static const Migration migrations[] = {
  { migration_1, NULL, 0 },
  { migration_audit, audited_by_migration_audit, G_N_ELEMENTS (audited_by_migration_audit) },
  { migration_profiles, audited_by_migration_profiles, G_N_ELEMENTS (audited_by_migration_profiles) },
  { migration_panels, audited_by_migration_panels, G_N_ELEMENTS (audited_by_migration_panels) },
  { migration_plans_and_drafts, audited_by_migration_plans_and_drafts,
    G_N_ELEMENTS (audited_by_migration_plans_and_drafts) },
  { migration_certificates, audited_by_migration_certificates,
    G_N_ELEMENTS (audited_by_migration_certificates) },
  { migration_notices, audited_by_migration_notices, G_N_ELEMENTS (audited_by_migration_notices) },
  { migration_annotations, audited_by_migration_annotations,
    G_N_ELEMENTS (audited_by_migration_annotations) },
  { migration_midterm, audited_by_migration_midterm, G_N_ELEMENTS (audited_by_migration_midterm) },
  { migration_review_audit, audited_by_migration_review_audit,
    G_N_ELEMENTS (audited_by_migration_review_audit) },
  { migration_calendar_audit, audited_by_migration_calendar_audit,
    G_N_ELEMENTS (audited_by_migration_calendar_audit) },
};

guint
sb_migrations_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* The triggers that append a row's change to the audit log.  R is NEW or
 * OLD; the entry's hash chains it to the entry before (sb-audit.c).  Only a
 * bulk load that records itself as one entry turns them off
 * (sb_database_set_audit_enabled ()). */
static void
append_audit_trigger (GString              *sql,
                      const SbAuditedTable *table,
                      const char           *operation,
                      const char           *row)
{
  g_auto(GStrv) columns = g_strsplit (table->columns, " ", -1);
  g_autofree char *base_expr = NULL;
  g_autoptr(GString) payload = g_string_new ("json_object (");
  g_auto(GStrv) base_parts = NULL;

  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (payload, "%s'%s', %s.%s",
                            i > 0 ? ", " : "", columns[i], row, columns[i]);
  g_string_append_c (payload, ')');

  base_parts = g_strsplit (table->base_expression, "R.", -1);
  {
    g_autofree char *prefix = g_strconcat (row, ".", NULL);
    base_expr = g_strjoinv (prefix, base_parts);
  }

  g_string_append_printf (sql, "CREATE TRIGGER audit_%s_%s AFTER %s",
                          table->name, operation,
                          g_str_equal (operation, "insert") ? "INSERT"
                          : g_str_equal (operation, "delete") ? "DELETE" : "UPDATE");
  if (g_str_equal (operation, "update") && table->update_of != NULL)
    g_string_append_printf (sql, " OF %s", table->update_of);
  g_string_append_printf (sql,
                          " ON %s WHEN sb_audit_enabled () BEGIN"
                          " INSERT INTO audit_log (seq, recorded_at, actor, role,"
                          "  entity, operation, base_id, payload, hash)"
                          " SELECT seq, at, actor, role, '%s', '%s', base, payload,"
                          "  sb_audit_hash (prev, seq, at, actor, role, '%s', '%s',"
                          "  base, payload)"
                          " FROM (SELECT IFNULL ((SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1), 0) + 1"
                          "  AS seq,"
                          "  strftime ('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now') AS at,"
                          "  sb_audit_actor () AS actor, sb_audit_role () AS role,"
                          "  %s AS base, %s AS payload,"
                          "  (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS prev);"
                          " END;",
                          table->name, table->name, operation, table->name, operation,
                          base_expr, payload->str);
}

static char *
build_sql (const Migration *migration)
{
  GString *sql = g_string_new (migration->sql);

  for (guint i = 0; i < migration->n_audited; i++)
    {
      append_audit_trigger (sql, &migration->audited[i], "insert", "NEW");
      append_audit_trigger (sql, &migration->audited[i], "update", "NEW");
      append_audit_trigger (sql, &migration->audited[i], "delete", "OLD");
    }

  return g_string_free (sql, FALSE);
}

const char *
sb_migrations_get_sql (guint version)
{
  static gsize built[G_N_ELEMENTS (migrations)];   /* char * each, built once */

  g_return_val_if_fail (version >= 1 && version <= G_N_ELEMENTS (migrations), NULL);

  if (g_once_init_enter (&built[version - 1]))
    g_once_init_leave (&built[version - 1], (gsize) build_sql (&migrations[version - 1]));

  return (const char *) built[version - 1];
}
