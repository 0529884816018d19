/* sb-base.c: one innovation base, as the lists and pages show it
 *
 * A snapshot read by SbBaseStore: its properties are read-only, and a
 * change to the base is made through the store, which hands out a new one.
 */
#define G_LOG_DOMAIN "sb-base"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sb-base-name.h"
#include "sb-base-private.h"
#include "sb-locale.h"

G_DEFINE_FINAL_TYPE (SbBase, sb_base, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DOMAIN_NAME,
  PROP_CITY_NAME,
  PROP_LEAD_UNIT,
  PROP_STATE_LABEL,
  PROP_NEXT_DEADLINE,
  PROP_DAYS_LEFT_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_next_deadline_label (SbBase *self)
{
  if (!self->has_next_deadline)
    return g_strdup ("");

  return g_strdup (sb_deadline_kind_get_label (self->next_deadline.kind));
}

/* "12 days left", "Today", "3 days overdue": what a list cell says. */
static char *
dup_days_left_label (SbBase *self)
{
  int days = self->next_deadline.days_left;

  if (!self->has_next_deadline)
    return g_strdup ("");
  if (!g_date_valid (&self->next_deadline.date))
    return g_strdup (_("Unknown"));
  if (days == 0)
    return g_strdup (_("Due today"));
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days), days);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", -days), -days);
}

static void
sb_base_finalize (GObject *object)
{
  SbBase *self = (SbBase *)object;

  g_free (self->short_name);
  g_free (self->short_name_en);
  g_free (self->domain_code);
  g_free (self->domain_name_zh);
  g_free (self->domain_name_en);
  g_free (self->city_code);
  g_free (self->city_name_zh);
  g_free (self->city_name_en);
  g_free (self->lead_unit);
  g_free (self->lead_unit_credit_code);
  g_free (self->recommender);
  g_strfreev (self->tags);
  g_free (self->co_applicants);
  g_free (self->search_text);
  g_free (self->next_deadline.problem);

  G_OBJECT_CLASS (sb_base_parent_class)->finalize (object);
}

static void
sb_base_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SbBase *self = SB_BASE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_take_string (value, sb_base_dup_name (self));
      break;
    case PROP_DOMAIN_NAME:
      g_value_set_string (value, sb_base_get_domain_name (self));
      break;
    case PROP_CITY_NAME:
      g_value_set_string (value, sb_base_get_city_name (self));
      break;
    case PROP_LEAD_UNIT:
      g_value_set_string (value, self->lead_unit);
      break;
    case PROP_STATE_LABEL:
      g_value_set_string (value, sb_base_state_get_label (self->facts.state));
      break;
    case PROP_NEXT_DEADLINE:
      g_value_take_string (value, dup_next_deadline_label (self));
      break;
    case PROP_DAYS_LEFT_LABEL:
      g_value_take_string (value, dup_days_left_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_base_class_init (SbBaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sb_base_finalize;
  object_class->get_property = sb_base_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DOMAIN_NAME] = g_param_spec_string ("domain-name", NULL, NULL, NULL, flags);
  properties[PROP_CITY_NAME] = g_param_spec_string ("city-name", NULL, NULL, NULL, flags);
  properties[PROP_LEAD_UNIT] = g_param_spec_string ("lead-unit", NULL, NULL, NULL, flags);
  properties[PROP_STATE_LABEL] = g_param_spec_string ("state-label", NULL, NULL, NULL, flags);
  properties[PROP_NEXT_DEADLINE] = g_param_spec_string ("next-deadline", NULL, NULL, NULL, flags);

  properties[PROP_DAYS_LEFT_LABEL] = g_param_spec_string ("days-left-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_base_init (SbBase *self)
{
  sb_base_facts_init (&self->facts);
}

gint64
sb_base_get_id (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), 0);

  return self->id;
}

const char *
sb_base_get_short_name (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), NULL);

  return self->short_name;
}

const char *
sb_base_get_short_name_en (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), NULL);

  return self->short_name_en;
}

/* Art. 18, 22: the name with （筹） until the base passed acceptance, the
 * final one after; a revoked base keeps the name it had reached.
 */
char *
sb_base_dup_name (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), NULL);

  if (g_date_valid (&self->facts.established))
    return sb_base_name_established_zh (self->short_name);

  return sb_base_name_preparatory_zh (self->short_name);
}

char *
sb_base_dup_name_en (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), NULL);

  if (self->short_name_en == NULL || *self->short_name_en == '\0')
    return g_strdup ("");

  if (g_date_valid (&self->facts.established))
    return sb_base_name_established_en (self->short_name_en);

  return sb_base_name_preparatory_en (self->short_name_en);
}

const char *
sb_base_get_domain_code (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), NULL);

  return self->domain_code;
}

const char *
sb_base_get_domain_name (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), NULL);

  return sb_locale_pick (self->domain_name_zh, self->domain_name_en);
}

const char *
sb_base_get_city_code (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), NULL);

  return self->city_code;
}

const char *
sb_base_get_city_name (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), NULL);

  return sb_locale_pick (self->city_name_zh, self->city_name_en);
}

const char *
sb_base_get_lead_unit (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), NULL);

  return self->lead_unit;
}

const char *
sb_base_get_lead_unit_credit_code (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), NULL);

  return self->lead_unit_credit_code;
}

const char *
sb_base_get_recommender (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), NULL);

  return self->recommender;
}

const char *
sb_base_get_co_applicants (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), NULL);

  return self->co_applicants;
}

const char * const *
sb_base_get_tags (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), NULL);

  return (const char * const *) self->tags;
}

gboolean
sb_base_has_tag (SbBase     *self,
                 const char *tag_code)
{
  g_return_val_if_fail (SB_IS_BASE (self), FALSE);

  return self->tags != NULL && g_strv_contains ((const char * const *) self->tags, tag_code);
}

/**
 * sb_base_fold_search_text:
 *
 * Prepares what someone typed for sb_base_matches_text(): case folded, so
 * "graphene" finds "Graphene"; Chinese is unchanged, so 半导 finds 半导体.
 */
char *
sb_base_fold_search_text (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  return g_utf8_casefold (stripped, -1);
}

/**
 * sb_base_prepare_search:
 *
 * Builds the case-folded text searches look in, once; a list can do it
 * for all its bases while idle, so that the first keystroke need not.
 */
void
sb_base_prepare_search (SbBase *self)
{
  g_autofree char *joined = NULL;

  g_return_if_fail (SB_IS_BASE (self));

  if (self->search_text != NULL)
    return;

  joined = g_strjoin ("\n", self->short_name ? self->short_name : "",
                      self->short_name_en ? self->short_name_en : "",
                      self->lead_unit ? self->lead_unit : "",
                      self->co_applicants ? self->co_applicants : "",
                      NULL);
  self->search_text = g_utf8_casefold (joined, -1);
}

/**
 * sb_base_matches_text:
 * @folded_text: from sb_base_fold_search_text()
 *
 * Whether the base's names or its units' names contain @folded_text.
 */
gboolean
sb_base_matches_text (SbBase     *self,
                      const char *folded_text)
{
  g_return_val_if_fail (SB_IS_BASE (self), FALSE);

  if (folded_text == NULL || *folded_text == '\0')
    return TRUE;

  sb_base_prepare_search (self);

  return strstr (self->search_text, folded_text) != NULL;
}

SbBaseState
sb_base_get_state (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), SB_BASE_STATE_DRAFT);

  return self->facts.state;
}

const SbBaseFacts *
sb_base_get_facts (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), NULL);

  return &self->facts;
}

/**
 * sb_base_get_next_deadline:
 *
 * Returns: (nullable): the first pending deadline as of the day the base
 *   was read, or %NULL if nothing is pending
 */
const SbDeadline *
sb_base_get_next_deadline (SbBase *self)
{
  g_return_val_if_fail (SB_IS_BASE (self), NULL);

  return self->has_next_deadline ? &self->next_deadline : NULL;
}

/**
 * sb_base_count_deadlines:
 * @today: the date the caller judges on
 * @count: (out): how many of the base's deadlines have @status
 *
 * Returns: %FALSE if the base was not judged on @today, so the caller must
 *   compute its deadlines itself
 */
gboolean
sb_base_count_deadlines (SbBase           *self,
                         const GDate      *today,
                         SbDeadlineStatus  status,
                         int              *count)
{
  g_return_val_if_fail (SB_IS_BASE (self), FALSE);
  g_return_val_if_fail (status <= SB_DEADLINE_STATUS_UNKNOWN, FALSE);

  if (!g_date_valid (&self->judged_on) || g_date_compare (&self->judged_on, today) != 0)
    return FALSE;

  *count = self->deadline_counts[status];
  return TRUE;
}

void
sb_base_set_next_deadline (SbBase           *self,
                           const SbDeadline *deadline)
{
  g_return_if_fail (SB_IS_BASE (self));

  g_clear_pointer (&self->next_deadline.problem, g_free);
  self->has_next_deadline = deadline != NULL;
  if (deadline != NULL)
    {
      self->next_deadline = *deadline;
      self->next_deadline.problem = g_strdup (deadline->problem);
    }
}
