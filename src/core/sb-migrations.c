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

/* Reviewers' annotations on stored PDFs (issue 6): each row is one mark,
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

static const char * const migrations[] = {
  migration_1,
  migration_annotations,
};

guint
sb_migrations_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

const char *
sb_migrations_get_sql (guint version)
{
  g_return_val_if_fail (version >= 1 && version <= G_N_ELEMENTS (migrations), NULL);

  return migrations[version - 1];
}
