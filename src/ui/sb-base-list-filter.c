/* sb-base-list-filter.c: which bases the Bases list shows
 *
 * Five criteria, all of which a base must meet: text typed in the search
 * (names of the base and its units), a domain, a state or a whole phase, a
 * city and a six-new tag.  Each change tells the filter model whether it
 * can only remove rows (more strict), only add rows (less strict), or
 * both, so typing one more character re-checks only the rows still shown.
 */
#define G_LOG_DOMAIN "sb-base-list-filter"

#include "config.h"

#include <string.h>

#include "sb-base.h"
#include "sb-base-list-filter.h"
#include "sb-lifecycle.h"

/* States as bits: 16 of them fit in a guint32. */
G_STATIC_ASSERT (SB_N_BASE_STATES <= 32);
#define ALL_STATES ((guint32) ((G_GUINT64_CONSTANT (1) << SB_N_BASE_STATES) - 1))

struct _SbBaseListFilter
{
  GtkFilter  parent_instance;

  char      *search_text;  /* as typed */
  char      *folded_text;  /* for sb_base_matches_text(); NULL when blank */
  char      *domain_code;
  char      *state;        /* a state or a phase id */
  guint32    state_mask;   /* the states it allows */
  char      *city_code;
  char      *tag_code;
  int        acting_role;  /* SbRole for SB_BASE_LIST_FILTER_WAITING, or -1 */
};

G_DEFINE_FINAL_TYPE (SbBaseListFilter, sb_base_list_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_SEARCH_TEXT,
  PROP_DOMAIN_CODE,
  PROP_STATE,
  PROP_CITY_CODE,
  PROP_TAG_CODE,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How one criterion changed; several combine into one GtkFilterChange. */
typedef enum
{
  CHANGE_NONE,
  CHANGE_LESS_STRICT,
  CHANGE_MORE_STRICT,
  CHANGE_DIFFERENT,
} Change;

static Change
combine (Change a,
         Change b)
{
  if (a == CHANGE_NONE || a == b)
    return b;
  if (b == CHANGE_NONE)
    return a;

  return CHANGE_DIFFERENT;
}

/* Helpers */

/* A state id allows that state; a phase id, every state of the phase.
 * Some ids name both ("constructing"): as in sb_base_store_list(), a base
 * matches either, so the phase. An unknown id allows none.
 */
static guint32
state_mask_for (const char *text,
                int         acting_role)
{
  SbBaseState state;
  SbPhase phase;
  guint32 mask = 0;

  if (text == NULL)
    return ALL_STATES;

  /* The states in which the acting role has a step to take. */
  if (g_str_equal (text, SB_BASE_LIST_FILTER_WAITING))
    {
      for (guint s = 0; acting_role >= 0 && s < SB_N_BASE_STATES; s++)
        if (sb_lifecycle_role_acts_in (acting_role, s))
          mask |= 1u << s;
      return mask;
    }

  if (sb_base_state_from_string (text, &state))
    mask |= 1u << state;
  if (sb_phase_from_string (text, &phase))
    {
      for (guint s = 0; s < SB_N_BASE_STATES; s++)
        {
          if (sb_base_state_get_phase (s) == phase)
            mask |= 1u << s;
        }
    }

  return mask;
}

static Change
compare_masks (guint32 before,
               guint32 after)
{
  if (before == after)
    return CHANGE_NONE;
  if ((after & before) == after)
    return CHANGE_MORE_STRICT;
  if ((after & before) == before)
    return CHANGE_LESS_STRICT;

  return CHANGE_DIFFERENT;
}

/* A base containing "半导体" contains "半导": a longer text only removes. */
static Change
compare_texts (const char *before,
               const char *after)
{
  if (g_strcmp0 (before, after) == 0)
    return CHANGE_NONE;
  if (before == NULL)
    return CHANGE_MORE_STRICT;
  if (after == NULL)
    return CHANGE_LESS_STRICT;
  if (strstr (after, before) != NULL)
    return CHANGE_MORE_STRICT;
  if (strstr (before, after) != NULL)
    return CHANGE_LESS_STRICT;

  return CHANGE_DIFFERENT;
}

static gboolean
is_active (SbBaseListFilter *self)
{
  return self->folded_text != NULL
         || self->domain_code != NULL
         || self->state_mask != ALL_STATES
         || self->city_code != NULL
         || self->tag_code != NULL;
}

/* Replaces a code; "" is no code.  Notifies, but leaves the filter
 * change to the caller. */
static Change
replace_code (SbBaseListFilter  *self,
              char             **field,
              const char        *code,
              guint              prop_id)
{
  Change change;

  if (code != NULL && *code == '\0')
    code = NULL;
  if (g_strcmp0 (*field, code) == 0)
    return CHANGE_NONE;

  if (*field == NULL)
    change = CHANGE_MORE_STRICT;
  else if (code == NULL)
    change = CHANGE_LESS_STRICT;
  else
    change = CHANGE_DIFFERENT;

  g_free (*field);
  *field = g_strdup (code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);

  return change;
}

static Change
replace_search_text (SbBaseListFilter *self,
                     const char       *text)
{
  g_autofree char *folded = NULL;
  Change change;

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->search_text, text) == 0)
    return CHANGE_NONE;

  folded = sb_base_fold_search_text (text);
  if (*folded == '\0')
    g_clear_pointer (&folded, g_free);

  change = compare_texts (self->folded_text, folded);

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  g_free (self->folded_text);
  self->folded_text = g_steal_pointer (&folded);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);

  return change;
}

static Change
replace_state (SbBaseListFilter *self,
               const char       *state)
{
  guint32 mask;
  Change change;

  if (state != NULL && *state == '\0')
    state = NULL;
  if (g_strcmp0 (self->state, state) == 0)
    return CHANGE_NONE;

  mask = state_mask_for (state, self->acting_role);
  change = compare_masks (self->state_mask, mask);

  g_free (self->state);
  self->state = g_strdup (state);
  self->state_mask = mask;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);

  return change;
}

/* Tells the models, once, after one or more criteria changed. */
static void
emit_change (SbBaseListFilter *self,
             Change            change,
             gboolean          was_active)
{
  switch (change)
    {
    case CHANGE_NONE:
      break;
    case CHANGE_LESS_STRICT:
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
      break;
    case CHANGE_MORE_STRICT:
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_MORE_STRICT);
      break;
    case CHANGE_DIFFERENT:
    default:
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
      break;
    }

  if (was_active != is_active (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/* GtkFilter */

static gboolean
sb_base_list_filter_match (GtkFilter *filter,
                           gpointer   item)
{
  SbBaseListFilter *self = SB_BASE_LIST_FILTER (filter);
  SbBase *base = item;

  /* The cheap comparisons first; the text last. */
  if (((self->state_mask >> sb_base_get_state (base)) & 1) == 0)
    return FALSE;
  if (self->domain_code != NULL
      && g_strcmp0 (sb_base_get_domain_code (base), self->domain_code) != 0)
    return FALSE;
  if (self->city_code != NULL
      && g_strcmp0 (sb_base_get_city_code (base), self->city_code) != 0)
    return FALSE;
  if (self->tag_code != NULL && !sb_base_has_tag (base, self->tag_code))
    return FALSE;
  if (self->folded_text != NULL && !sb_base_matches_text (base, self->folded_text))
    return FALSE;

  return TRUE;
}

static GtkFilterMatch
sb_base_list_filter_get_strictness (GtkFilter *filter)
{
  SbBaseListFilter *self = SB_BASE_LIST_FILTER (filter);

  if (self->state_mask == 0)
    return GTK_FILTER_MATCH_NONE;
  if (!is_active (self))
    return GTK_FILTER_MATCH_ALL;

  return GTK_FILTER_MATCH_SOME;
}

/* GObject */

static void
sb_base_list_filter_finalize (GObject *object)
{
  SbBaseListFilter *self = (SbBaseListFilter *)object;

  g_free (self->search_text);
  g_free (self->folded_text);
  g_free (self->domain_code);
  g_free (self->state);
  g_free (self->city_code);
  g_free (self->tag_code);

  G_OBJECT_CLASS (sb_base_list_filter_parent_class)->finalize (object);
}

static void
sb_base_list_filter_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SbBaseListFilter *self = SB_BASE_LIST_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    case PROP_DOMAIN_CODE:
      g_value_set_string (value, self->domain_code);
      break;
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PROP_CITY_CODE:
      g_value_set_string (value, self->city_code);
      break;
    case PROP_TAG_CODE:
      g_value_set_string (value, self->tag_code);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, is_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_base_list_filter_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SbBaseListFilter *self = SB_BASE_LIST_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH_TEXT:
      sb_base_list_filter_set_search_text (self, g_value_get_string (value));
      break;
    case PROP_DOMAIN_CODE:
      sb_base_list_filter_set_domain_code (self, g_value_get_string (value));
      break;
    case PROP_STATE:
      sb_base_list_filter_set_state (self, g_value_get_string (value));
      break;
    case PROP_CITY_CODE:
      sb_base_list_filter_set_city_code (self, g_value_get_string (value));
      break;
    case PROP_TAG_CODE:
      sb_base_list_filter_set_tag_code (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_base_list_filter_class_init (SbBaseListFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sb_base_list_filter_finalize;
  object_class->get_property = sb_base_list_filter_get_property;
  object_class->set_property = sb_base_list_filter_set_property;

  filter_class->match = sb_base_list_filter_match;
  filter_class->get_strictness = sb_base_list_filter_get_strictness;

  /**
   * SbBaseListFilter:search-text:
   *
   * Text the names of a base or its units must contain, as typed.
   */
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, flags);
  properties[PROP_DOMAIN_CODE] = g_param_spec_string ("domain-code", NULL, NULL, NULL, flags);
  /**
   * SbBaseListFilter:state:
   *
   * A state id ("extended") or a phase id ("applying"), as
   * sb_base_state_to_string() and sb_phase_to_string() give them.
   */
  properties[PROP_STATE] = g_param_spec_string ("state", NULL, NULL, NULL, flags);
  properties[PROP_CITY_CODE] = g_param_spec_string ("city-code", NULL, NULL, NULL, flags);
  properties[PROP_TAG_CODE] = g_param_spec_string ("tag-code", NULL, NULL, NULL, flags);
  /**
   * SbBaseListFilter:active:
   *
   * Whether any criterion is set, so that some bases may be hidden.
   */
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                  | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_base_list_filter_init (SbBaseListFilter *self)
{
  self->state_mask = ALL_STATES;
  self->acting_role = -1;
}

/* Public API */

SbBaseListFilter *
sb_base_list_filter_new (void)
{
  return g_object_new (SB_TYPE_BASE_LIST_FILTER, NULL);
}

const char *
sb_base_list_filter_get_search_text (SbBaseListFilter *self)
{
  g_return_val_if_fail (SB_IS_BASE_LIST_FILTER (self), NULL);

  return self->search_text;
}

/**
 * sb_base_list_filter_set_search_text:
 * @text: (nullable): what was typed
 *
 * The text is case-folded once here, not once per base.
 */
void
sb_base_list_filter_set_search_text (SbBaseListFilter *self,
                                     const char       *text)
{
  gboolean was_active;

  g_return_if_fail (SB_IS_BASE_LIST_FILTER (self));

  was_active = is_active (self);
  emit_change (self, replace_search_text (self, text), was_active);
}

const char *
sb_base_list_filter_get_domain_code (SbBaseListFilter *self)
{
  g_return_val_if_fail (SB_IS_BASE_LIST_FILTER (self), NULL);

  return self->domain_code;
}

void
sb_base_list_filter_set_domain_code (SbBaseListFilter *self,
                                     const char       *code)
{
  gboolean was_active;

  g_return_if_fail (SB_IS_BASE_LIST_FILTER (self));

  was_active = is_active (self);
  emit_change (self, replace_code (self, &self->domain_code, code, PROP_DOMAIN_CODE), was_active);
}

const char *
sb_base_list_filter_get_state (SbBaseListFilter *self)
{
  g_return_val_if_fail (SB_IS_BASE_LIST_FILTER (self), NULL);

  return self->state;
}

/**
 * sb_base_list_filter_set_state:
 * @state_or_phase: (nullable): a state id, a phase id, or %NULL for any
 *
 * Going from a phase to one of its states is more strict, and back less
 * strict, so those changes re-check only the rows that may change.
 */
void
sb_base_list_filter_set_state (SbBaseListFilter *self,
                               const char       *state_or_phase)
{
  gboolean was_active;

  g_return_if_fail (SB_IS_BASE_LIST_FILTER (self));

  was_active = is_active (self);
  emit_change (self, replace_state (self, state_or_phase), was_active);
}

const char *
sb_base_list_filter_get_city_code (SbBaseListFilter *self)
{
  g_return_val_if_fail (SB_IS_BASE_LIST_FILTER (self), NULL);

  return self->city_code;
}

void
sb_base_list_filter_set_city_code (SbBaseListFilter *self,
                                   const char       *code)
{
  gboolean was_active;

  g_return_if_fail (SB_IS_BASE_LIST_FILTER (self));

  was_active = is_active (self);
  emit_change (self, replace_code (self, &self->city_code, code, PROP_CITY_CODE), was_active);
}

const char *
sb_base_list_filter_get_tag_code (SbBaseListFilter *self)
{
  g_return_val_if_fail (SB_IS_BASE_LIST_FILTER (self), NULL);

  return self->tag_code;
}

/**
 * sb_base_list_filter_set_tag_code:
 * @code: (nullable): a six-new tag code
 *
 * Bases carry their tags only after sb_base_store_read_search_data().
 */
void
sb_base_list_filter_set_tag_code (SbBaseListFilter *self,
                                  const char       *code)
{
  gboolean was_active;

  g_return_if_fail (SB_IS_BASE_LIST_FILTER (self));

  was_active = is_active (self);
  emit_change (self, replace_code (self, &self->tag_code, code, PROP_TAG_CODE), was_active);
}

gboolean
sb_base_list_filter_get_active (SbBaseListFilter *self)
{
  g_return_val_if_fail (SB_IS_BASE_LIST_FILTER (self), FALSE);

  return is_active (self);
}

/**
 * sb_base_list_filter_clear:
 *
 * Drops every criterion with one less-strict change.
 */
/**
 * sb_base_list_filter_set_acting_role:
 * @role: an #SbRole, or -1 for nobody
 *
 * Whose steps the state %SB_BASE_LIST_FILTER_WAITING looks for.
 */
void
sb_base_list_filter_set_acting_role (SbBaseListFilter *self,
                                     int               role)
{
  gboolean was_active;
  guint32 mask;
  Change change = CHANGE_NONE;

  g_return_if_fail (SB_IS_BASE_LIST_FILTER (self));
  g_return_if_fail (role >= -1 && role < SB_N_ROLES);

  if (self->acting_role == role)
    return;

  was_active = is_active (self);
  self->acting_role = role;
  if (g_strcmp0 (self->state, SB_BASE_LIST_FILTER_WAITING) == 0)
    {
      mask = state_mask_for (self->state, role);
      change = compare_masks (self->state_mask, mask);
      self->state_mask = mask;
    }
  emit_change (self, change, was_active);
}

void
sb_base_list_filter_clear (SbBaseListFilter *self)
{
  gboolean was_active;
  Change change = CHANGE_NONE;

  g_return_if_fail (SB_IS_BASE_LIST_FILTER (self));

  was_active = is_active (self);

  g_object_freeze_notify (G_OBJECT (self));
  change = combine (change, replace_search_text (self, NULL));
  change = combine (change, replace_code (self, &self->domain_code, NULL, PROP_DOMAIN_CODE));
  change = combine (change, replace_state (self, NULL));
  change = combine (change, replace_code (self, &self->city_code, NULL, PROP_CITY_CODE));
  change = combine (change, replace_code (self, &self->tag_code, NULL, PROP_TAG_CODE));
  emit_change (self, change, was_active);
  g_object_thaw_notify (G_OBJECT (self));
}
