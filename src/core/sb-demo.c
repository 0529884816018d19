/* sb-demo.c: a realistic, deterministic demonstration programme
 *
 * Every history is made by taking real life-cycle steps through
 * sb_base_store_perform(), so the demo obeys the same rules as users do: a
 * date the regulation forbids makes the demo fail, not a silent bad row.
 * The same count, seed and "today" always give the same programme.  The
 * organisations are invented; none is a real company.
 */
#define G_LOG_DOMAIN "sb-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sb-audit.h"
#include "sb-credit-code.h"
#include "sb-date.h"
#include "sb-demo.h"
#include "sb-notice.h"
#include "sb-profile.h"
#include "sb-review-panel.h"
#include "sb-standard-designation.h"

typedef enum
{
  SCENARIO_DRAFT,
  SCENARIO_SUBMITTED,
  SCENARIO_RETURNED,
  SCENARIO_RECOMMENDED,
  SCENARIO_FORMALLY_REVIEWED,
  SCENARIO_EXPERT_REVIEWED,
  SCENARIO_REJECTED,
  SCENARIO_PREPARING,
  SCENARIO_BEFORE_MIDTERM,
  SCENARIO_AFTER_MIDTERM,
  SCENARIO_ACCEPTANCE_WINDOW,
  SCENARIO_EXTENSION_REQUESTED,
  SCENARIO_EXTENDED,
  SCENARIO_ACCEPTANCE_REQUESTED,
  SCENARIO_RECTIFYING,
  SCENARIO_ESTABLISHED,
  SCENARIO_ASSESSMENT_RECTIFYING,
  SCENARIO_REVOKED,
  N_SCENARIOS
} Scenario;

/* How common each scenario is once every one has appeared: a programme
 * some years in, with most bases built or building. */
static const guint scenario_weights[N_SCENARIOS] = {
  2, 2, 1, 2, 2, 2, 2, 4, 5, 5, 3, 2, 2, 3, 2, 10, 2, 3,
};

/* How far an official's step may move to fall on a working day. */
#define MAX_SHIFT_DAYS 15

typedef struct
{
  const char *zh;
  const char *en;
} Topic;

/* The provincial industry departments, in the order of the organisations
 * table (Art. 13), as domains[] names them. */
enum
{
  DEPARTMENT_DEVELOPMENT_REFORM,   /* 发展和改革委员会, also energy */
  DEPARTMENT_SCIENCE_TECHNOLOGY,   /* 科学技术厅 */
  DEPARTMENT_INDUSTRY_IT,          /* 工业和信息化厅 */
  DEPARTMENT_ECOLOGY_ENVIRONMENT,  /* 生态环境厅 */
  DEPARTMENT_AGRICULTURE,          /* 农业农村厅 */
};

static const struct
{
  const char *code;
  const char *industry;   /* for invented unit names */
  int         department; /* the industry department that recommends */
  Topic       topics[6];
} domains[] = {
  { "high-end-equipment", "智能装备", DEPARTMENT_INDUSTRY_IT,
    { { "智能煤机装备", "Intelligent Coal Machinery" }, { "高端液压元件", "High-end Hydraulic Components" },
      { "工业机器人", "Industrial Robots" }, { "精密数控机床", "Precision CNC Machine Tools" },
      { "智能制造系统集成", "Smart Manufacturing System Integration" }, { "重型矿山装备", "Heavy Mining Equipment" } } },
  { "intelligent-coal-mining", "煤机", DEPARTMENT_DEVELOPMENT_REFORM,
    { { "煤矿智能化开采", "Intelligent Coal Extraction" }, { "综采工作面自动化", "Automated Longwall Faces" },
      { "矿井5G通信", "Mine 5G Communication" }, { "煤矿安全监测", "Coal Mine Safety Monitoring" },
      { "智能掘进", "Intelligent Roadheading" }, { "矿山数字孪生", "Mine Digital Twins" } } },
  { "coal-measure-gas", "燃气", DEPARTMENT_DEVELOPMENT_REFORM,
    { { "煤层气开发利用", "Coalbed Methane Development" }, { "致密砂岩气", "Tight Sandstone Gas" },
      { "煤系气储运", "Coal-measure Gas Storage and Transport" }, { "瓦斯综合利用", "Mine Gas Utilisation" },
      { "煤成气勘探", "Coal-measure Gas Exploration" }, { "压裂增产技术", "Fracturing Stimulation" } } },
  { "rail-transit", "轨道交通", DEPARTMENT_INDUSTRY_IT,
    { { "重载铁路装备", "Heavy-haul Railway Equipment" }, { "轨道交通车辆", "Rail Vehicles" },
      { "城轨信号系统", "Urban Rail Signalling" }, { "轨道交通轴承", "Rail Transit Bearings" },
      { "铁路智能运维", "Intelligent Railway Maintenance" }, { "磁浮交通", "Maglev Transit" } } },
  { "general-aviation", "航空", DEPARTMENT_INDUSTRY_IT,
    { { "通航飞行器", "General Aviation Aircraft" }, { "无人机系统", "Unmanned Aircraft Systems" },
      { "航空维修", "Aviation Maintenance" }, { "通航运营服务", "General Aviation Operations" },
      { "航空应急救援", "Aviation Emergency Rescue" }, { "航空材料", "Aviation Materials" } } },
  { "semiconductors", "半导体", DEPARTMENT_INDUSTRY_IT,
    { { "碳化硅功率器件", "Silicon Carbide Power Devices" }, { "第三代半导体材料", "Third-generation Semiconductor Materials" },
      { "光电子芯片", "Optoelectronic Chips" }, { "半导体封装测试", "Semiconductor Packaging and Testing" },
      { "砷化镓衬底", "Gallium Arsenide Substrates" }, { "深紫外LED", "Deep-UV LEDs" } } },
  { "carbon-materials", "碳材料", DEPARTMENT_INDUSTRY_IT,
    { { "碳纤维", "Carbon Fibre" }, { "石墨烯", "Graphene" },
      { "煤基碳材料", "Coal-based Carbon Materials" }, { "锂电负极材料", "Lithium Battery Anode Materials" },
      { "特种石墨", "Special Graphite" }, { "碳基复合材料", "Carbon-based Composites" } } },
  { "special-metals", "特材", DEPARTMENT_INDUSTRY_IT,
    { { "镁合金", "Magnesium Alloys" }, { "不锈钢精密带材", "Precision Stainless Steel Strip" },
      { "铝基新材料", "Aluminium-based New Materials" }, { "钛合金", "Titanium Alloys" },
      { "高温合金", "Superalloys" }, { "稀土永磁", "Rare-earth Permanent Magnets" } } },
  { "big-data", "数据", DEPARTMENT_INDUSTRY_IT,
    { { "数据中心", "Data Centres" }, { "工业互联网平台", "Industrial Internet Platforms" },
      { "政务大数据", "Government Big Data" }, { "数据安全", "Data Security" },
      { "算力网络", "Computing Power Networks" }, { "数据要素流通", "Data Circulation" } } },
  { "it-innovation", "信创", DEPARTMENT_INDUSTRY_IT,
    { { "信创服务器", "Trusted Servers" }, { "国产操作系统适配", "Domestic Operating System Adaptation" },
      { "信创终端", "Trusted Terminals" }, { "工控安全", "Industrial Control Security" },
      { "密码应用", "Cryptographic Applications" }, { "信创软件测评", "Trusted Software Evaluation" } } },
  { "biomedicine", "生物医药", DEPARTMENT_SCIENCE_TECHNOLOGY,
    { { "中药材", "Chinese Herbal Materials" }, { "生物制药", "Biopharmaceuticals" },
      { "医疗器械", "Medical Devices" }, { "原料药", "Active Pharmaceutical Ingredients" },
      { "体外诊断", "In-vitro Diagnostics" }, { "合成生物", "Synthetic Biology" } } },
  { "agriculture", "农业", DEPARTMENT_AGRICULTURE,
    { { "杂粮", "Minor Grains" }, { "功能农业", "Functional Agriculture" },
      { "设施农业", "Protected Agriculture" }, { "畜牧养殖", "Livestock Farming" },
      { "果业", "Fruit Growing" }, { "农产品加工", "Agricultural Products Processing" } } },
};

/* City codes as in the cities table; the zone registers with Taiyuan.
 * Each unit sits in the district of its division code, and its telephone
 * number has the city's area code. */
static const struct
{
  const char *code;
  const char *short_name;
  const char *division;
  const char *place;
  const char *area_code;
} cities[] = {
  { "1401", "太原", "140105", "山西省太原市小店区", "0351" },
  { "1402", "大同", "140213", "山西省大同市平城区", "0352" },
  { "1403", "阳泉", "140302", "山西省阳泉市城区", "0353" },
  { "1404", "长治", "140403", "山西省长治市潞州区", "0355" },
  { "1405", "晋城", "140502", "山西省晋城市城区", "0356" },
  { "1406", "朔州", "140602", "山西省朔州市朔城区", "0349" },
  { "1407", "晋中", "140702", "山西省晋中市榆次区", "0354" },
  { "1408", "运城", "140802", "山西省运城市盐湖区", "0359" },
  { "1409", "忻州", "140902", "山西省忻州市忻府区", "0350" },
  { "1410", "临汾", "141002", "山西省临汾市尧都区", "0357" },
  { "1411", "吕梁", "141102", "山西省吕梁市离石区", "0358" },
  { "zone", "太原", "140191", "山西转型综合改革示范区", "0351" },
};

static const char * const brands[] = {
  "晋鑫", "华晟", "鼎泰", "恒远", "瑞丰", "宏图", "嘉禾", "信合", "汾源", "太行",
  "云冈", "龙城", "晋阳", "沁水", "吕岭", "五台", "中条", "黄河", "雁门", "汾河",
};

static const char * const unit_suffixes[] = {
  "科技有限公司", "股份有限公司", "集团有限公司", "技术有限公司",
};

/* Co-applicants may come from outside Shanxi (Art. 12). */
static const struct
{
  const char *prefix;
  const char *division;
  const char *place;
  const char *area_code;
} partners[] = {
  { "北京", "110108", "北京市海淀区", "010" },
  { "上海", "310115", "上海市浦东新区", "021" },
  { "天津", "120116", "天津市滨海新区", "022" },
  { "西安", "610113", "陕西省西安市雁塔区", "029" },
  { "太原", "140105", "山西省太原市小店区", "0351" },
  { "郑州", "410105", "河南省郑州市金水区", "0371" },
};

static const char * const streets[] = {
  "长风街", "学府街", "创新路", "科技街", "建设路", "迎宾路", "产业路", "兴华街",
};

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "郭", "马", "孙", "胡", "高", "梁",
};

static const char * const given_names[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
  "杰", "娟", "涛", "明", "超", "秀英", "建华", "晓东", "志刚", "海燕",
};

static const char * const conditions[] = {
  "牵头单位在山西省内注册登记，具有独立法人资格，近三年经营状况良好。",
  "所在地人民政府出台支持政策，承诺提供建设经费和场地保障。",
  "设有标准化管理部门和专兼职标准化人员，主导或参与多项国家、行业、地方和团体标准制修订。",
  "拥有省级以上研发平台，技术研发和市场化服务能力在省内同行业处于领先地位。",
  "三年内未发生重大安全、质量、环境保护问题及违法失信情况。",
};

static const char * const return_reasons[] = {
  "申报书缺少近三年主导制定标准的证明材料，请补充后重新提交。",
  "联合申报单位的法人资格证明不完整。",
  "所在地人民政府支持文件未加盖公章。",
};

typedef struct
{
  SbBaseStore *store;
  GRand       *rand;
  GDate        today;
  guint32      seed;
  guint        unit_counter;
  guint        standard_counter;
  gint64       base_id;
  const char  *topic;     /* of the base being made, for its standards */
  char        *contact;
  GHashTable  *units;     /* name → gint64 id: one unit per name */
} Demo;

static int
pick (Demo *demo,
      int   n)
{
  return g_rand_int_range (demo->rand, 0, n);
}

static int
between (Demo *demo,
         int   low,
         int   high)
{
  return g_rand_int_range (demo->rand, low, high + 1);
}

static char *
person (Demo *demo)
{
  return g_strconcat (surnames[pick (demo, G_N_ELEMENTS (surnames))],
                      given_names[pick (demo, G_N_ELEMENTS (given_names))],
                      NULL);
}

static void
days_from (const GDate *date,
           int          days,
           GDate       *result)
{
  *result = *date;
  if (days > 0)
    g_date_add_days (result, days);
  else if (days < 0)
    g_date_subtract_days (result, -days);
}

static void
months_from (const GDate *date,
             int          months,
             GDate       *result)
{
  sb_date_add_months_to (date, months, result);
}

/* Never later than today: a demo records only what has happened. */
static void
clamp_to_today (Demo  *demo,
                GDate *date)
{
  if (g_date_compare (date, &demo->today) > 0)
    *date = demo->today;
}

/* Whether officials work on @date.  Without calendar data for its year,
 * Monday to Friday: only the demo's choice of a day depends on it, never
 * a deadline. */
static gboolean
is_working_day (Demo        *demo,
                const GDate *date)
{
  gboolean working = FALSE;

  if (sb_calendar_is_working_day (sb_base_store_get_calendar (demo->store),
                                  date, &working, NULL))
    return working;

  return g_date_get_weekday (date) <= G_DATE_FRIDAY;
}

static void
previous_working_day (Demo  *demo,
                      GDate *date)
{
  while (!is_working_day (demo, date))
    g_date_subtract_days (date, 1);
}

/* Officials decide on working days.  A step planned for a weekend or a
 * holiday moves to the nearest working day that the rules still allow,
 * earlier ones first so that a deadline met stays met.
 */
static void
move_to_working_day (Demo                *demo,
                     SbTransitionRequest *request)
{
  SbBaseFacts facts;
  GDate wanted = request->date;

  if (is_working_day (demo, &wanted))
    return;

  if (!sb_base_store_read_facts (demo->store, demo->base_id, &facts, NULL))
    return;

  for (int direction = -1; direction <= 1; direction += 2)
    {
      for (int days = 1; days <= MAX_SHIFT_DAYS; days++)
        {
          days_from (&wanted, direction * days, &request->date);
          if (is_working_day (demo, &request->date)
              && sb_lifecycle_check (&facts, request, &demo->today, NULL))
            return;
        }
    }

  /* Nothing better: the rules will judge the day planned. */
  request->date = wanted;
}

/* A unique, valid code: the counter, scrambled by a bijection modulo 31^8
 * (the multiplier is prime to 31), spelled in the code's alphabet.
 */
static char *
make_credit_code (Demo       *demo,
                  const char *division,
                  gboolean    institution)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const guint64 modulus = G_GUINT64_CONSTANT (852891037441); /* 31^8 */
  guint64 value = ((guint64) demo->unit_counter++ * G_GUINT64_CONSTANT (2654435761)
                   + demo->seed) % modulus;
  char organisation[9];

  for (int i = 7; i >= 0; i--)
    {
      organisation[i] = alphabet[value % 31];
      value /= 31;
    }
  organisation[8] = '\0';

  /* Institutions register with the establishment office (1, 2), companies
   * with market regulation (9, 1). */
  return sb_credit_code_build (institution ? '1' : '9', institution ? '2' : '1',
                               division, organisation);
}

/* A unit in @place, whose telephone numbers start with @area_code: eight
 * digits after a three-digit code, seven after a four-digit one. */
static gint64
add_unit (Demo        *demo,
          const char  *name,
          const char  *division,
          const char  *place,
          const char  *area_code,
          gboolean     institution,
          GError     **error)
{
  g_autofree char *contact = person (demo);
  g_autofree char *phone = strlen (area_code) == 3
                           ? g_strdup_printf ("%s-%08d", area_code, between (demo, 20000000, 89999999))
                           : g_strdup_printf ("%s-%07d", area_code, between (demo, 2000000, 8999999));
  g_autofree char *address = g_strdup_printf ("%s%s%d号", place,
                                              streets[pick (demo, G_N_ELEMENTS (streets))],
                                              between (demo, 1, 300));
  SbOrganisationInput input = {
    .name = name,
    .kind = institution ? "institution" : "enterprise",
    .legal_person = TRUE,
    .address = address,
    .contact_name = contact,
    .contact_phone = phone,
  };
  g_autofree char *code = make_credit_code (demo, division, institution);
  gint64 id;

  input.credit_code = code;

  g_free (demo->contact);
  demo->contact = g_strdup (contact);

  id = sb_base_store_add_organisation (demo->store, &input, error);
  if (id > 0)
    g_hash_table_insert (demo->units, g_strdup (name), g_memdup2 (&id, sizeof id));

  return id;
}

/* A lead unit's name no other unit has: two units cannot register the
 * same name.  When the simple names run out (large demos), two brands.
 */
static char *
make_lead_unit_name (Demo     *demo,
                     guint     domain,
                     guint     city,
                     gboolean  institution)
{
  for (guint attempt = 0; ; attempt++)
    {
      g_autofree char *brand = NULL;
      char *name;

      if (attempt < 20)
        brand = g_strdup (brands[pick (demo, G_N_ELEMENTS (brands))]);
      else
        brand = g_strconcat (brands[pick (demo, G_N_ELEMENTS (brands))],
                             brands[pick (demo, G_N_ELEMENTS (brands))], NULL);

      if (institution)
        name = g_strdup_printf ("%s%s%s技术研究院", cities[city].short_name, brand,
                                domains[domain].industry);
      else
        name = g_strdup_printf ("山西%s%s%s", brand, domains[domain].industry,
                                unit_suffixes[pick (demo, G_N_ELEMENTS (unit_suffixes))]);

      if (!g_hash_table_contains (demo->units, name) || attempt >= 200)
        return name;
      g_free (name);
    }
}

static gboolean
step_full (Demo         *demo,
           SbAction      action,
           SbRole        role,
           const GDate  *date,
           const char   *note,
           int           months,
           int           year,
           const GDate  *deadline,
           GError      **error)
{
  g_autofree char *actor = role == SB_ROLE_APPLICANT ? g_strdup (demo->contact) : person (demo);
  SbTransitionRequest request;

  sb_transition_request_init (&request, action, role, date);
  request.actor = actor;
  request.note = note;
  request.months = months;
  request.year = year;
  if (deadline != NULL)
    request.deadline = *deadline;
  if (role != SB_ROLE_APPLICANT)
    move_to_working_day (demo, &request);

  return sb_base_store_perform (demo->store, demo->base_id, &request, &demo->today, error);
}

static gboolean
step (Demo         *demo,
      SbAction      action,
      SbRole        role,
      const GDate  *date,
      GError      **error)
{
  const char *note = NULL;

  switch (action)
    {
    case SB_ACTION_RETURN:
      note = return_reasons[pick (demo, G_N_ELEMENTS (return_reasons))];
      break;
    case SB_ACTION_REJECT:
      note = "专家组认为申报单位标准化工作基础较弱，暂不具备筹建条件。";
      break;
    case SB_ACTION_FAIL_ACCEPTANCE:
      note = "建设方案中的标准研制任务未全部完成，需整改后重新申请验收。";
      break;
    case SB_ACTION_REQUEST_EXTENSION:
      note = "受设备到货延迟影响，部分建设任务无法按期完成。";
      break;
    case SB_ACTION_REVOKE:
      note = "延期届满仍未完成建设任务。";
      break;
    case SB_ACTION_FAIL_RECHECK:
      note = "整改期满复查仍不符合要求。";
      break;
    case SB_ACTION_RECOMMEND:
      note = "该单位符合申报条件，同意推荐。";
      break;
    case SB_ACTION_SUBMIT:
    case SB_ACTION_PASS_FORMAL_REVIEW:
    case SB_ACTION_COMPLETE_EXPERT_REVIEW:
    case SB_ACTION_APPROVE:
    case SB_ACTION_SUBMIT_PLAN:
    case SB_ACTION_SUBMIT_MIDTERM_REPORT:
    case SB_ACTION_EVALUATE_MIDTERM:
    case SB_ACTION_APPLY_FOR_ACCEPTANCE:
    case SB_ACTION_PASS_ACCEPTANCE:
    case SB_ACTION_GRANT_EXTENSION:
    case SB_ACTION_REFUSE_EXTENSION:
    case SB_ACTION_SUBMIT_ANNUAL_REPORT:
    case SB_ACTION_PASS_ASSESSMENT:
    case SB_ACTION_FAIL_ASSESSMENT:
    case SB_ACTION_PASS_RECHECK:
    case SB_N_ACTIONS:
    default:
      break;
    }

  return step_full (demo, action, role, date, note, 0, 0, NULL, error);
}

/* A standard of @level, or of a level chosen at random when @level is
 * SB_N_STANDARD_LEVELS, on @topic. */
static gboolean
add_standard (Demo             *demo,
              int               year,
              SbStandardLevel   level,
              const char       *role,
              const char       *source,
              const char       *topic,
              GError          **error)
{
  static const char * const industry_codes[] = { "JB/T", "MT/T", "TB/T", "YS/T", "SJ/T", "NB/T" };
  static const SbStandardLevel levels[10] = {
    SB_STANDARD_LEVEL_INTERNATIONAL,
    SB_STANDARD_LEVEL_NATIONAL, SB_STANDARD_LEVEL_NATIONAL,
    SB_STANDARD_LEVEL_INDUSTRY, SB_STANDARD_LEVEL_INDUSTRY,
    SB_STANDARD_LEVEL_LOCAL, SB_STANDARD_LEVEL_LOCAL, SB_STANDARD_LEVEL_LOCAL,
    SB_STANDARD_LEVEL_GROUP, SB_STANDARD_LEVEL_GROUP,
  };
  guint n = demo->standard_counter++;
  g_autofree char *designation = NULL;
  g_autofree char *title = NULL;

  if (level >= SB_N_STANDARD_LEVELS)
    level = levels[pick (demo, G_N_ELEMENTS (levels))];

  switch (level)
    {
    case SB_STANDARD_LEVEL_INTERNATIONAL:
      designation = g_strdup_printf ("ISO %u:%d", 20000 + n % 9000, year);
      break;
    case SB_STANDARD_LEVEL_NATIONAL:
      designation = g_strdup_printf ("GB/T %u-%d", 30000 + n % 13000, year);
      break;
    case SB_STANDARD_LEVEL_INDUSTRY:
      designation = g_strdup_printf ("%s %u-%d",
                                     industry_codes[pick (demo, G_N_ELEMENTS (industry_codes))],
                                     10000 + n % 9000, year);
      break;
    case SB_STANDARD_LEVEL_LOCAL:
      designation = g_strdup_printf ("DB14/T %u-%d", 1000 + n % 9000, year);
      break;
    case SB_STANDARD_LEVEL_GROUP:
    case SB_N_STANDARD_LEVELS:
    default:
      designation = g_strdup_printf ("T/SXBZ %03u-%d", n % 1000, year);
      break;
    }
  title = g_strdup_printf ("%s技术规范 第%u部分", topic, 1 + n % 9);

  return sb_base_store_add_standard (demo->store, demo->base_id, designation, title,
                                     role, source, error);
}

/* The application (申报书): units, tags, the five conditions, standards. */
static gboolean
create_application (Demo        *demo,
                    guint        index,
                    const GDate *created,
                    GError     **error)
{
  guint domain = index % G_N_ELEMENTS (domains);
  guint city = (index + index / G_N_ELEMENTS (domains)) % G_N_ELEMENTS (cities);
  guint round = index / (G_N_ELEMENTS (domains) * G_N_ELEMENTS (domains[0].topics));
  const Topic *topic = &domains[domain].topics[(index / G_N_ELEMENTS (domains)) % G_N_ELEMENTS (domains[0].topics)];
  gboolean institution = pick (demo, 5) == 0;
  g_autofree char *short_name = NULL;
  g_autofree char *short_name_en = NULL;
  g_autofree char *unit_name = NULL;
  gint64 lead_unit, recommender;
  gint64 partner_ids[2] = { 0 };
  int n_partners, n_standards, n_tags;

  if (round == 0)
    {
      short_name = g_strdup (topic->zh);
      short_name_en = g_strdup (topic->en);
    }
  else
    {
      short_name = g_strdup_printf ("%s·%u", topic->zh, round + 1);
      short_name_en = g_strdup_printf ("%s %u", topic->en, round + 1);
    }

  unit_name = make_lead_unit_name (demo, domain, city, institution);

  lead_unit = add_unit (demo, unit_name, cities[city].division, cities[city].place,
                        cities[city].area_code, institution, error);
  if (lead_unit == 0)
    return FALSE;

  /* Art. 13: the city's authority, or one of the industry departments. */
  if (pick (demo, 2) == 0)
    recommender = sb_base_store_find_recommender (demo->store, cities[city].code, 0);
  else
    recommender = sb_base_store_find_recommender (demo->store, NULL, domains[domain].department);

  demo->base_id = sb_base_store_create_base (demo->store, short_name, short_name_en,
                                             domains[domain].code, lead_unit,
                                             recommender, cities[city].code,
                                             created, error);
  if (demo->base_id == 0)
    return FALSE;
  demo->topic = topic->zh;

  /* An institute that already co-applied for another base is the same
   * unit again, but joins each application once. */
  n_partners = pick (demo, 3);
  for (int i = 0; i < n_partners; i++)
    {
      guint partner = pick (demo, G_N_ELEMENTS (partners));
      g_autofree char *name = g_strdup_printf ("%s%s%s研究院", partners[partner].prefix,
                                               brands[pick (demo, G_N_ELEMENTS (brands))],
                                               domains[domain].industry);
      const gint64 *known = g_hash_table_lookup (demo->units, name);
      gint64 unit;

      if (known != NULL)
        {
          unit = *known;
          if (i > 0 && unit == partner_ids[0])
            continue;
        }
      else
        {
          g_autofree char *contact = g_strdup (demo->contact);

          unit = add_unit (demo, name, partners[partner].division, partners[partner].place,
                           partners[partner].area_code, TRUE, error);

          /* The lead unit's contact still speaks for the application. */
          g_free (demo->contact);
          demo->contact = g_steal_pointer (&contact);
        }

      partner_ids[i] = unit;
      if (unit == 0 || !sb_base_store_add_unit (demo->store, demo->base_id, unit,
                                                "co_applicant", error))
        return FALSE;
    }

  n_tags = 1 + pick (demo, 2);
  for (int i = 0; i < n_tags; i++)
    {
      static const char * const tags[] = {
        "new-infrastructure", "new-technology", "new-materials",
        "new-equipment", "new-products", "new-business",
      };

      if (!sb_base_store_add_tag (demo->store, demo->base_id,
                                  tags[(domain + i * 3 + pick (demo, 2)) % G_N_ELEMENTS (tags)],
                                  error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (conditions); i++)
    {
      if (!sb_base_store_set_condition (demo->store, demo->base_id, i + 1, conditions[i], error))
        return FALSE;
    }

  n_standards = between (demo, 3, 6);
  for (int i = 0; i < n_standards; i++)
    {
      if (!add_standard (demo, between (demo, 2012, g_date_get_year (created) - 1),
                         SB_N_STANDARD_LEVELS,
                         pick (demo, 3) == 0 ? "participated" : "led",
                         "application", topic->zh, error))
        return FALSE;
    }

  return TRUE;
}

/* The application's way to approval, and how long before it each step. */
static const struct
{
  SbAction action;
  SbRole   role;
  int      days_before;
} application_steps[] = {
  { SB_ACTION_SUBMIT, SB_ROLE_APPLICANT, 120 },
  { SB_ACTION_RECOMMEND, SB_ROLE_RECOMMENDER, 100 },
  { SB_ACTION_PASS_FORMAL_REVIEW, SB_ROLE_TECHNICAL_INSTITUTION, 80 },
  { SB_ACTION_COMPLETE_EXPERT_REVIEW, SB_ROLE_EXPERT, 45 },
  { SB_ACTION_APPROVE, SB_ROLE_AUTHORITY, 0 },
};

static int
days_before_approval (SbAction action)
{
  for (guint i = 0; i < G_N_ELEMENTS (application_steps); i++)
    {
      if (application_steps[i].action == action)
        return application_steps[i].days_before;
    }

  return 0;
}

/* Draft to approval, each step some weeks after the last, ending on
 * @approval.  Stops early at @last_action for the applying scenarios.
 */
static gboolean
apply_until (Demo         *demo,
             const GDate  *approval,
             SbAction      last_action,
             GError      **error)
{
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (application_steps); i++)
    {
      SbAction action = application_steps[i].action;

      if (last_action == SB_ACTION_REJECT && action == SB_ACTION_APPROVE)
        action = SB_ACTION_REJECT;

      days_from (approval, -application_steps[i].days_before, &date);
      if (!step (demo, action, application_steps[i].role, &date, error))
        return FALSE;
      if (action == last_action)
        break;
    }

  return TRUE;
}

/* Approval to a base under construction with its plan, and optionally its
 * mid-term report and evaluation.
 */
static gboolean
construct (Demo         *demo,
           const GDate  *approval,
           gboolean      midterm,
           GError      **error)
{
  GDate date, due;

  /* Art. 16: the plan within 30 working days of the approval. */
  days_from (approval, between (demo, 18, 42), &date);
  if (sb_calendar_add_working_days (sb_base_store_get_calendar (demo->store), approval,
                                    SB_PLAN_WORKING_DAYS, &due, NULL)
      && g_date_compare (&date, &due) > 0)
    date = due;
  clamp_to_today (demo, &date);
  if (!step (demo, SB_ACTION_SUBMIT_PLAN, SB_ROLE_APPLICANT, &date, error))
    return FALSE;

  if (!midterm)
    return TRUE;

  months_from (approval, SB_DEFAULT_CYCLE_MONTHS / 2, &date);
  days_from (&date, -between (demo, 0, 20), &date);
  if (!step (demo, SB_ACTION_SUBMIT_MIDTERM_REPORT, SB_ROLE_APPLICANT, &date, error))
    return FALSE;

  days_from (&date, between (demo, 20, 40), &date);
  clamp_to_today (demo, &date);
  return step (demo, SB_ACTION_EVALUATE_MIDTERM, SB_ROLE_AUTHORITY, &date, error);
}

/* Applies for acceptance in time, some days before the Art. 20 deadline. */
static gboolean
apply_for_acceptance (Demo         *demo,
                      const GDate  *approval,
                      GDate        *applied,
                      GError      **error)
{
  months_from (approval, SB_DEFAULT_CYCLE_MONTHS - SB_ACCEPTANCE_LEAD_MONTHS, applied);
  days_from (applied, -between (demo, 3, 40), applied);

  return step (demo, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, applied, error);
}

static gboolean
annual_year (Demo         *demo,
             int           year,
             gboolean      fail,
             int           rectify_months,
             gboolean     *failed_out,
             GDate        *assessed_out,
             GError      **error)
{
  SbAnnualFigures figures = { 0 };
  GDate report, assessed, deadline;

  *failed_out = FALSE;
  g_date_clear (&report, 1);
  g_date_set_dmy (&report, between (demo, 5, 28), between (demo, 1, 3), year + 1);
  if (g_date_compare (&report, &demo->today) > 0)
    return TRUE;
  if (!step_full (demo, SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_ROLE_APPLICANT, &report,
                  NULL, 0, year, NULL, error))
    return FALSE;

  for (int level = 0; level < SB_N_STANDARD_LEVELS; level++)
    figures.standards[level] = pick (demo, level == SB_STANDARD_LEVEL_INTERNATIONAL ? 2 : 5);
  figures.proposals = pick (demo, 6);
  figures.awards_applied = pick (demo, 3);
  figures.awards_won = pick (demo, figures.awards_applied + 1);
  figures.entrusted_tasks = pick (demo, 8);
  figures.smes_served = between (demo, 10, 160);
  figures.training_sessions = between (demo, 2, 20);
  figures.people_trained = figures.training_sessions * between (demo, 15, 60);
  figures.open_days = between (demo, 1, 6);
  figures.international_roles = pick (demo, 3);
  figures.patents = pick (demo, 15);
  if (!sb_base_store_set_annual_figures (demo->store, demo->base_id, year, &figures, error))
    return FALSE;

  /* Some of the standards the figures count, each of its level. */
  for (int level = 0; level < SB_N_STANDARD_LEVELS; level++)
    for (int i = 0; i < figures.standards[level] && i < 2; i++)
      if (!add_standard (demo, year, level, "led", "produced", demo->topic, error))
        return FALSE;

  g_date_clear (&assessed, 1);
  g_date_set_dmy (&assessed, between (demo, 1, 28), between (demo, 5, 6), year + 1);
  if (g_date_compare (&assessed, &demo->today) > 0)
    return TRUE;

  if (fail)
    {
      months_from (&assessed, rectify_months, &deadline);
      if (!step_full (demo, SB_ACTION_FAIL_ASSESSMENT, SB_ROLE_AUTHORITY, &assessed,
                      "服务中小企业数量和标准研制成果未达到年度目标。", 0, year,
                      &deadline, error)
          || !sb_base_store_set_assessment_scores (demo->store, demo->base_id, year,
                                                   between (demo, 40, 59),
                                                   between (demo, 45, 65),
                                                   between (demo, 40, 60), error))
        return FALSE;
      *failed_out = TRUE;
      *assessed_out = assessed;
      return TRUE;
    }

  return step_full (demo, SB_ACTION_PASS_ASSESSMENT, SB_ROLE_AUTHORITY, &assessed,
                    "考核合格。", 0, year, NULL, error)
         && sb_base_store_set_assessment_scores (demo->store, demo->base_id, year,
                                                 between (demo, 70, 96),
                                                 between (demo, 68, 95),
                                                 between (demo, 70, 94), error);
}

/* An established base: built, accepted, then its yearly reports and
 * assessments up to today.  @outcome says how its last assessment ends.
 */
static gboolean
establish (Demo         *demo,
           const GDate  *approval,
           Scenario      outcome,
           GError      **error)
{
  GDate applied, established;
  int last_year;

  if (!construct (demo, approval, TRUE, error)
      || !apply_for_acceptance (demo, approval, &applied, error))
    return FALSE;

  days_from (&applied, between (demo, 30, 70), &established);
  if (!step (demo, SB_ACTION_PASS_ACCEPTANCE, SB_ROLE_AUTHORITY, &established, error))
    return FALSE;

  last_year = g_date_get_year (&demo->today) - 1;
  for (int year = g_date_get_year (&established); year <= last_year; year++)
    {
      gboolean is_last = (year == last_year);
      gboolean fail = is_last ? outcome != SCENARIO_ESTABLISHED : pick (demo, 8) == 0;
      gboolean failed;
      /* The authority sets the rectification deadline (Art. 38). */
      int rectify_months = is_last && outcome == SCENARIO_ASSESSMENT_RECTIFYING ? 8 : 3;
      GDate assessed, recheck;

      if (!annual_year (demo, year, fail, rectify_months, &failed, &assessed, error))
        return FALSE;
      if (!failed)
        continue;

      if (is_last && outcome == SCENARIO_ASSESSMENT_RECTIFYING)
        return TRUE;

      /* Art. 38: re-checked at the deadline; revoked if still failing. */
      months_from (&assessed, 3, &recheck);
      if (g_date_compare (&recheck, &demo->today) > 0)
        return TRUE;
      if (is_last && outcome == SCENARIO_REVOKED)
        return step (demo, SB_ACTION_FAIL_RECHECK, SB_ROLE_AUTHORITY, &recheck, error);
      if (!step (demo, SB_ACTION_PASS_RECHECK, SB_ROLE_AUTHORITY, &recheck, error))
        return FALSE;
    }

  /* Standards published this year, which next year's report will count. */
  if (outcome == SCENARIO_ESTABLISHED)
    {
      for (int i = pick (demo, 3); i > 0; i--)
        if (!add_standard (demo, g_date_get_year (&demo->today), SB_N_STANDARD_LEVELS,
                           "led", "produced", demo->topic, error))
          return FALSE;
    }

  return TRUE;
}

/* Dates are counted back from today so every state is current on it. */
static gboolean
play (Demo      *demo,
      guint      index,
      Scenario   scenario,
      GError   **error)
{
  static const SbAction applying_last[] = {
    [SCENARIO_SUBMITTED] = SB_ACTION_SUBMIT,
    [SCENARIO_RECOMMENDED] = SB_ACTION_RECOMMEND,
    [SCENARIO_FORMALLY_REVIEWED] = SB_ACTION_PASS_FORMAL_REVIEW,
    [SCENARIO_EXPERT_REVIEWED] = SB_ACTION_COMPLETE_EXPERT_REVIEW,
    [SCENARIO_REJECTED] = SB_ACTION_REJECT,
  };
  const GDate *today = &demo->today;
  GDate approval, created, date, end;
  int cycle = SB_DEFAULT_CYCLE_MONTHS;

  switch (scenario)
    {
    case SCENARIO_DRAFT:
    case SCENARIO_SUBMITTED:
    case SCENARIO_RETURNED:
      /* Created at least 25 days ago, so that submitting (5 to 15 days
       * later) and being returned (3 to 10 more) are both in the past. */
      days_from (today, -between (demo, 25, 70), &created);
      if (!create_application (demo, index, &created, error))
        return FALSE;
      if (scenario == SCENARIO_DRAFT)
        return TRUE;
      days_from (&created, between (demo, 5, 15), &date);
      if (!step (demo, SB_ACTION_SUBMIT, SB_ROLE_APPLICANT, &date, error))
        return FALSE;
      if (scenario == SCENARIO_SUBMITTED)
        return TRUE;
      days_from (&date, between (demo, 3, 10), &date);
      return step (demo, SB_ACTION_RETURN, SB_ROLE_RECOMMENDER, &date, error);

    case SCENARIO_RECOMMENDED:
    case SCENARIO_FORMALLY_REVIEWED:
    case SCENARIO_EXPERT_REVIEWED:
    case SCENARIO_REJECTED:
      /* The would-be approval date, so that the last step is recent. */
      days_from (today, days_before_approval (applying_last[scenario]) - between (demo, 2, 15),
                 &approval);
      break;

    case SCENARIO_PREPARING:
      days_from (today, -between (demo, 3, 50), &approval);
      break;
    case SCENARIO_BEFORE_MIDTERM:
      months_from (today, -between (demo, 3, 15), &approval);
      break;
    case SCENARIO_AFTER_MIDTERM:
      months_from (today, -between (demo, 20, 28), &approval);
      break;
    case SCENARIO_ACCEPTANCE_WINDOW:
      months_from (today, -(cycle - SB_ACCEPTANCE_LEAD_MONTHS - 2), &approval);
      days_from (&approval, between (demo, -25, 25), &approval);
      break;
    case SCENARIO_ACCEPTANCE_REQUESTED:
      months_from (today, -(cycle - 2), &approval);
      break;
    case SCENARIO_EXTENSION_REQUESTED:
      months_from (today, -(cycle - 1), &approval);
      break;
    case SCENARIO_EXTENDED:
    case SCENARIO_RECTIFYING:
      months_from (today, -(cycle + 2), &approval);
      break;
    case SCENARIO_ESTABLISHED:
    case SCENARIO_ASSESSMENT_RECTIFYING:
      months_from (today, -(cycle + between (demo, 14, 19)), &approval);
      break;
    case SCENARIO_REVOKED:
      if (index % 2 == 0)
        months_from (today, -(cycle + 8), &approval);
      else
        months_from (today, -(cycle + 19), &approval);
      break;
    case N_SCENARIOS:
    default:
      g_assert_not_reached ();
    }

  /* Not all on today's day of the month, where the timing allows. */
  switch (scenario)
    {
    case SCENARIO_BEFORE_MIDTERM:
    case SCENARIO_AFTER_MIDTERM:
    case SCENARIO_ACCEPTANCE_REQUESTED:
    case SCENARIO_EXTENDED:
    case SCENARIO_ESTABLISHED:
    case SCENARIO_ASSESSMENT_RECTIFYING:
    case SCENARIO_REVOKED:
      days_from (&approval, -between (demo, 0, 20), &approval);
      break;
    case SCENARIO_DRAFT:
    case SCENARIO_SUBMITTED:
    case SCENARIO_RETURNED:
    case SCENARIO_RECOMMENDED:
    case SCENARIO_FORMALLY_REVIEWED:
    case SCENARIO_EXPERT_REVIEWED:
    case SCENARIO_REJECTED:
    case SCENARIO_PREPARING:
    case SCENARIO_ACCEPTANCE_WINDOW:
    case SCENARIO_EXTENSION_REQUESTED:
    case SCENARIO_RECTIFYING:
    case N_SCENARIOS:
    default:
      break;
    }
  /* The authority approves on a working day.  With today 2026-11-27,
   * the oldest application (created up to 170 days before an approval
   * 55 months and 20 days back) still postdates the regulation, in force
   * from 24 September 2021 (Art. 40). */
  previous_working_day (demo, &approval);

  days_from (&approval, -between (demo, 140, 170), &created);
  if (!create_application (demo, index, &created, error))
    return FALSE;

  switch (scenario)
    {
    case SCENARIO_RECOMMENDED:
    case SCENARIO_FORMALLY_REVIEWED:
    case SCENARIO_EXPERT_REVIEWED:
    case SCENARIO_REJECTED:
      return apply_until (demo, &approval, applying_last[scenario], error);

    case SCENARIO_PREPARING:
      return apply_until (demo, &approval, SB_ACTION_APPROVE, error);

    case SCENARIO_BEFORE_MIDTERM:
      return apply_until (demo, &approval, SB_ACTION_APPROVE, error)
             && construct (demo, &approval, FALSE, error);

    case SCENARIO_AFTER_MIDTERM:
    case SCENARIO_ACCEPTANCE_WINDOW:
      return apply_until (demo, &approval, SB_ACTION_APPROVE, error)
             && construct (demo, &approval, TRUE, error);

    case SCENARIO_ACCEPTANCE_REQUESTED:
      return apply_until (demo, &approval, SB_ACTION_APPROVE, error)
             && construct (demo, &approval, TRUE, error)
             && apply_for_acceptance (demo, &approval, &date, error);

    case SCENARIO_EXTENSION_REQUESTED:
    case SCENARIO_EXTENDED:
      if (!apply_until (demo, &approval, SB_ACTION_APPROVE, error)
          || !construct (demo, &approval, TRUE, error))
        return FALSE;
      /* Art. 21: inside the last 3 months of the cycle. */
      months_from (&approval, cycle - SB_EXTENSION_WINDOW_MONTHS, &date);
      days_from (&date, between (demo, 1, 25), &date);
      clamp_to_today (demo, &date);
      if (!step_full (demo, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, &date,
                      "受设备到货延迟影响，部分建设任务无法按期完成。",
                      SB_MAX_EXTENSION_MONTHS, 0, NULL, error))
        return FALSE;
      if (scenario == SCENARIO_EXTENSION_REQUESTED)
        return TRUE;
      days_from (&date, between (demo, 7, 20), &date);
      return step_full (demo, SB_ACTION_GRANT_EXTENSION, SB_ROLE_AUTHORITY, &date,
                        NULL, SB_MAX_EXTENSION_MONTHS, 0, NULL, error);

    case SCENARIO_RECTIFYING:
      if (!apply_until (demo, &approval, SB_ACTION_APPROVE, error)
          || !construct (demo, &approval, TRUE, error)
          || !apply_for_acceptance (demo, &approval, &date, error))
        return FALSE;
      days_from (&date, between (demo, 30, 60), &date);
      return step (demo, SB_ACTION_FAIL_ACCEPTANCE, SB_ROLE_AUTHORITY, &date, error);

    case SCENARIO_ESTABLISHED:
    case SCENARIO_ASSESSMENT_RECTIFYING:
      return apply_until (demo, &approval, SB_ACTION_APPROVE, error)
             && establish (demo, &approval, scenario, error);

    case SCENARIO_REVOKED:
      if (!apply_until (demo, &approval, SB_ACTION_APPROVE, error))
        return FALSE;
      if (index % 2 == 1)
        return establish (demo, &approval, SCENARIO_REVOKED, error);
      /* Art. 21: extended, still unfinished, revoked. */
      if (!construct (demo, &approval, TRUE, error))
        return FALSE;
      months_from (&approval, cycle - 1, &date);
      if (!step_full (demo, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, &date,
                      "部分建设任务无法按期完成。", SB_MAX_EXTENSION_MONTHS, 0, NULL, error))
        return FALSE;
      days_from (&date, 10, &date);
      if (!step_full (demo, SB_ACTION_GRANT_EXTENSION, SB_ROLE_AUTHORITY, &date,
                      NULL, SB_MAX_EXTENSION_MONTHS, 0, NULL, error))
        return FALSE;
      months_from (&approval, cycle + SB_MAX_EXTENSION_MONTHS, &end);
      days_from (&end, between (demo, 5, 30), &date);
      return step (demo, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, &date, error);

    case SCENARIO_DRAFT:
    case SCENARIO_SUBMITTED:
    case SCENARIO_RETURNED:
    case N_SCENARIOS:
    default:
      g_assert_not_reached ();
    }
}

static Scenario
choose_scenario (Demo  *demo,
                 guint  index)
{
  guint total = 0;
  guint roll;

  /* The first ones cover every scenario, so even a small demo has all. */
  if (index < N_SCENARIOS)
    return index;

  for (guint i = 0; i < N_SCENARIOS; i++)
    total += scenario_weights[i];

  roll = pick (demo, total);
  for (guint i = 0; i < N_SCENARIOS; i++)
    {
      if (roll < scenario_weights[i])
        return i;
      roll -= scenario_weights[i];
    }

  return SCENARIO_ESTABLISHED;
}

static gboolean
count_bases (SbDatabase  *database,
             int         *count,
             GError     **error)
{
  sqlite3_stmt *stmt = sb_database_prepare (database, "SELECT count(*) FROM bases", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  *count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW || sb_database_set_error (database, rc, error);
}

static gint64
query_id (SbDatabase  *database,
          const char  *sql,
          GError     **error)
{
  sqlite3_stmt *stmt = sb_database_prepare (database, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (!sb_database_finish_rows (database, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    return -1;

  return id;
}

/* The expert pool, and panels for the bases waiting on experts: the
 * undecided ones with every sheet in, those awaiting expert review with
 * 王磊's still to come.  Only among the first 72 bases, to keep a large
 * demonstration quick. */
static gboolean
add_panels (Demo     *demo,
            GError  **error)
{
  static const struct { const char *name, *title, *fields; } pool[] = {
    { "王磊", "教授级高级工程师", "high-end-equipment intelligent-coal-mining" },
    { "刘洋", "研究员", "semiconductors carbon-materials" },
    { "孙丽", "教授", "big-data it-innovation" },
    { "周强", "高级工程师", "rail-transit general-aviation" },
    { "吴敏", "研究员", "biomedicine agriculture" },
    { "郑伟", "正高级经济师", "coal-measure-gas special-metals" },
  };
  static const char sql[] =
    "SELECT id, state FROM bases WHERE id <= 72"
    " AND state IN ('formally-reviewed', 'expert-reviewed') ORDER BY id";
  SbDatabase *database = sb_base_store_get_database (demo->store);
  g_autoptr(GArray) waiting = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  gint64 experts[G_N_ELEMENTS (pool)];
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (pool); i++)
    if ((experts[i] = sb_expert_add (database, pool[i].name, pool[i].title, 0,
                                     pool[i].fields, error)) == 0)
      return FALSE;

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row[2] = { sqlite3_column_int64 (stmt, 0),
                        g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "expert-reviewed") };

      g_array_append_vals (waiting, row, 1);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < waiting->len; i++)
    {
      const gint64 *row = &g_array_index (waiting, gint64, 2 * i);
      gboolean all_in = row[1];
      GDate formed = demo->today;
      gint64 panel;
      guint n_criteria;

      g_date_subtract_days (&formed, all_in ? 40 : 10);
      panel = sb_panel_form (database, row[0], SB_PANEL_KIND_EXPERT, &formed, experts, 5, error);
      if (panel == 0)
        return FALSE;

      sb_panel_kind_get_rubric (SB_PANEL_KIND_EXPERT, &n_criteria);
      for (guint e = all_in ? 0 : 1; e < 5; e++)
        {
          double scores[5];
          GDate date = formed;

          g_date_add_days (&date, 3 + e);
          for (guint c = 0; c < n_criteria; c++)
            {
              const SbCriterion *rubric = sb_panel_kind_get_rubric (SB_PANEL_KIND_EXPERT, NULL);

              scores[c] = rubric[c].max_score * (0.62 + g_rand_int_range (demo->rand, 0, 33) / 100.0);
              scores[c] = floor (scores[c] * 2) / 2;
            }
          if (!sb_panel_submit_sheet (database, panel, experts[e], &date, scores, NULL,
                                      "申报材料齐全，标准化基础较好，建议批准筹建。", error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The notices of the assessments among the first 72 bases (Art. 36),
 * filed on the day of each assessment. */
static gboolean
add_notices (SbDatabase  *database,
             GError     **error)
{
  static const char sql[] =
    "SELECT base_id, year, date FROM assessments WHERE base_id <= 72 ORDER BY base_id, year";
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64) * 3);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate date;
      gint64 row[3];

      sb_column_get_date (stmt, 2, &date);
      row[0] = sqlite3_column_int64 (stmt, 0);
      row[1] = sqlite3_column_int (stmt, 1);
      row[2] = g_date_get_julian (&date);
      g_array_append_vals (rows, row, 1);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      const gint64 *row = &g_array_index (rows, gint64, 3 * i);
      g_autoptr(GPtrArray) notices = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, row[2]);
      notices = sb_notice_file_assessment (database, row[0], row[1], &date, error);
      if (notices == NULL)
        return FALSE;
    }

  return TRUE;
}

/* One person in each role; the programme opens as the authority's. */
static gboolean
add_profiles (SbDatabase  *database,
              GError     **error)
{
  g_autoptr(SbProfile) authority = NULL;
  gint64 lead_unit, recommender, id;

  lead_unit = query_id (database, "SELECT lead_unit_id FROM bases ORDER BY id LIMIT 1", error);
  /* The recommender has an application waiting for its opinion. */
  recommender = query_id (database, "SELECT IFNULL ((SELECT recommender_id FROM bases"
                                    "  WHERE state = 'submitted' ORDER BY id LIMIT 1),"
                                    " (SELECT id FROM organisations"
                                    "  WHERE name = '太原市市场监督管理局'))", error);
  if (lead_unit < 0 || recommender < 0)
    return FALSE;

  if ((id = sb_profile_add (database, "张明", SB_ROLE_AUTHORITY, 0, error)) == 0
      || sb_profile_add (database, "李静", SB_ROLE_TECHNICAL_INSTITUTION, 0, error) == 0
      || sb_profile_add (database, "王磊", SB_ROLE_EXPERT, 0, error) == 0
      || (recommender > 0
          && sb_profile_add (database, "赵芳", SB_ROLE_RECOMMENDER, recommender, error) == 0)
      || (lead_unit > 0
          && sb_profile_add (database, "陈刚", SB_ROLE_APPLICANT, lead_unit, error) == 0))
    return FALSE;

  authority = sb_profile_load (database, id, error);

  return authority != NULL && sb_profile_set_last (database, authority, error);
}

/**
 * sb_demo_fill:
 * @store: an empty programme
 * @count: how many bases
 * @seed: the same seed gives the same programme
 * @today: the date the programme is current on
 *
 * Fills an empty database with a demonstration programme, all in one
 * transaction: on error nothing is added.
 */
gboolean
sb_demo_fill (SbBaseStore  *store,
              guint         count,
              guint32       seed,
              const GDate  *today,
              GError      **error)
{
  SbDatabase *database = sb_base_store_get_database (store);
  Demo demo = { .store = store, .today = *today, .seed = seed };
  g_autofree char *role = NULL;
  int existing;
  gboolean ok = TRUE;

  g_return_val_if_fail (SB_IS_BASE_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (!count_bases (database, &existing, error))
    return FALSE;
  if (existing > 0)
    {
      g_set_error (error, SB_BASE_STORE_ERROR, SB_BASE_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The database already holds %d base; demonstration data only goes into an empty database",
                             "The database already holds %d bases; demonstration data only goes into an empty database",
                             existing),
                   existing);
      return FALSE;
    }

  /* The demonstration takes every role's steps: the person loading it
   * stays in the audit log, without a role the core would judge. */
  role = g_strdup (sb_database_get_audit_role (database));
  sb_database_set_audit_actor (database, sb_database_get_audit_actor (database), "");

  if (!sb_database_begin (database, error))
    {
      sb_database_set_audit_actor (database, sb_database_get_audit_actor (database), role);
      return FALSE;
    }

  demo.rand = g_rand_new_with_seed (seed);
  demo.units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* The first bases are recorded in the audit log change by change, as
   * people would make them; a larger programme's bulk is written quietly and
   * recorded as one entry that says so, which keeps 10,000 bases quick. */
  for (guint i = 0; i < count && ok; i++)
    {
      sb_database_set_audit_enabled (database, i < SB_DEMO_AUDITED_BASES);
      ok = play (&demo, i, choose_scenario (&demo, i), error);
    }
  sb_database_set_audit_enabled (database, TRUE);
  if (ok)
    {
      g_autofree char *today_text = sb_date_format (today);
      g_autofree char *payload =
        g_strdup_printf ("{\"bases\":%u,\"seed\":%u,\"today\":\"%s\",\"audited_bases\":%u}",
                         count, seed, today_text, MIN (count, SB_DEMO_AUDITED_BASES));

      ok = sb_audit_append (database, "demo", "load", 0, payload, error);
    }
  if (ok)
    ok = add_panels (&demo, error) && add_notices (database, error)
         && add_profiles (database, error);
  g_rand_free (demo.rand);
  g_hash_table_unref (demo.units);
  g_free (demo.contact);
  sb_database_set_audit_actor (database, sb_database_get_audit_actor (database), role);

  if (!ok)
    {
      sb_database_rollback (database);
      return FALSE;
    }

  return sb_database_commit (database, error);
}
