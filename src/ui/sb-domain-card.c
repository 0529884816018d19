/* sb-domain-card.c: one domain on the dashboard
 *
 * Its name, how many bases it has in each phase, and its nearest deadline.
 * The dashboard's flow box makes it activatable, by click and by keyboard.
 */
#define G_LOG_DOMAIN "sb-domain-card"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-date.h"
#include "sb-domain-card.h"
#include "sb-lifecycle.h"
#include "sb-locale.h"

struct _SbDomainCard
{
  AdwBin     parent_instance;

  GtkImage  *domain_icon;
  GtkLabel  *name_label;
  GtkLabel  *total_label;
  GtkLabel  *phases_label;
  GtkImage  *deadline_icon;
  GtkLabel  *deadline_label;

  char      *code;
};

G_DEFINE_FINAL_TYPE (SbDomainCard, sb_domain_card, ADW_TYPE_BIN)

/* The phases a card counts, in the order of the life cycle. */
static const SbPhase card_phases[] = {
  SB_PHASE_APPLYING, SB_PHASE_PREPARING, SB_PHASE_CONSTRUCTING,
  SB_PHASE_ESTABLISHED, SB_PHASE_REVOKED,
};

static char *
describe_phases (const SbGroupSummary *summary)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (card_phases); i++)
    {
      if (i > 0)
        g_string_append (text, " · ");
      /* Translators: a phase and how many bases are in it, e.g. "Established 6" */
      g_string_append_printf (text, _("%s %d"), sb_phase_get_label (card_phases[i]),
                              summary->by_phase[card_phases[i]]);
    }

  return g_string_free (text, FALSE);
}

static char *
describe_deadline (const SbGroupSummary *summary,
                   const char           *base_name)
{
  const SbDeadline *deadline = &summary->nearest;
  g_autofree char *date = NULL;
  g_autofree char *article = NULL;

  if (!summary->has_nearest)
    return g_strdup (_("No pending deadline"));

  article = sb_article_format (sb_deadline_kind_get_article (deadline->kind));
  date = sb_date_format (&deadline->date);
  if (date == NULL)
    /* Translators: a deadline that cannot be computed, its article, the base */
    return g_strdup_printf (_("%s (%s): date unknown — %s"),
                            sb_deadline_kind_get_label (deadline->kind), article,
                            base_name ? base_name : "");

  if (deadline->days_left < 0)
    /* Translators: deadline, article, date, days overdue, base */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s (%s) %s, %d day overdue — %s",
                                         "%s (%s) %s, %d days overdue — %s",
                                         -deadline->days_left),
                            sb_deadline_kind_get_label (deadline->kind), article, date,
                            -deadline->days_left, base_name ? base_name : "");

  /* Translators: deadline, article, date, days left, base */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s (%s) %s, %d day left — %s",
                                       "%s (%s) %s, %d days left — %s",
                                       deadline->days_left),
                          sb_deadline_kind_get_label (deadline->kind), article, date,
                          deadline->days_left, base_name ? base_name : "");
}

static void
sb_domain_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SB_TYPE_DOMAIN_CARD);

  G_OBJECT_CLASS (sb_domain_card_parent_class)->dispose (object);
}

static void
sb_domain_card_finalize (GObject *object)
{
  SbDomainCard *self = (SbDomainCard *)object;

  g_free (self->code);

  G_OBJECT_CLASS (sb_domain_card_parent_class)->finalize (object);
}

/* One line each keeps twelve cards cheap to lay out; the whole text is in
 * the tooltips and the accessible description.  The tooltip is asked for,
 * not set: in GTK 4.8 setting one asks the X server where the pointer is. */
static gboolean
full_text_tooltip_cb (GtkLabel   *label,
                      int         x,
                      int         y,
                      gboolean    keyboard_mode,
                      GtkTooltip *tooltip,
                      gpointer    user_data)
{
  gtk_tooltip_set_text (tooltip, gtk_label_get_label (label));
  return TRUE;
}

static void
sb_domain_card_class_init (SbDomainCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_domain_card_dispose;
  object_class->finalize = sb_domain_card_finalize;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-domain-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SbDomainCard, domain_icon);
  gtk_widget_class_bind_template_child (widget_class, SbDomainCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, SbDomainCard, total_label);
  gtk_widget_class_bind_template_child (widget_class, SbDomainCard, phases_label);
  gtk_widget_class_bind_template_child (widget_class, SbDomainCard, deadline_icon);
  gtk_widget_class_bind_template_child (widget_class, SbDomainCard, deadline_label);
  gtk_widget_class_bind_template_callback (widget_class, full_text_tooltip_cb);
}

static void
sb_domain_card_init (SbDomainCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The twelve domains of Art. 3 have icons of their own in the GResource
 * (domain-CODE-symbolic); a domain the authority adds gets a general one. */
static void
set_domain_icon (SbDomainCard *self)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autofree char *icon_name = g_strdup_printf ("domain-%s-symbolic", self->code ? self->code : "");

  gtk_image_set_from_icon_name (self->domain_icon,
                                gtk_icon_theme_has_icon (theme, icon_name) ? icon_name
                                                                           : "domain-other-symbolic");
}

/**
 * sb_domain_card_new:
 * @summary: the domain's figures
 * @nearest_base_name: (nullable): the base whose deadline is nearest
 */
GtkWidget *
sb_domain_card_new (const SbGroupSummary *summary,
                    const char           *nearest_base_name)
{
  SbDomainCard *self;
  g_autofree char *total = NULL;
  g_autofree char *phases = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *description = NULL;
  const char *name;

  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (SB_TYPE_DOMAIN_CARD, NULL);
  self->code = g_strdup (summary->reference.code);

  name = sb_locale_pick (summary->reference.name_zh, summary->reference.name_en);
  total = g_strdup_printf ("%d", summary->total);
  phases = describe_phases (summary);
  deadline = describe_deadline (summary, nearest_base_name);

  gtk_label_set_label (self->name_label, name);
  set_domain_icon (self);
  gtk_label_set_label (self->total_label, total);
  gtk_label_set_label (self->phases_label, phases);
  gtk_label_set_label (self->deadline_label, deadline);

  /* Overdue says so in words and with its own icon, not by colour alone. */
  if (summary->has_nearest && summary->nearest.status == SB_DEADLINE_STATUS_OVERDUE)
    {
      gtk_image_set_from_icon_name (self->deadline_icon, "milestone-overdue-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_icon), "error");
    }
  else if (!summary->has_nearest)
    gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), "dim-label");

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %d base. %s. %s",
                                              "%s: %d bases. %s. %s", summary->total),
                                 name, summary->total, phases, deadline);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  return GTK_WIDGET (self);
}

const char *
sb_domain_card_get_code (SbDomainCard *self)
{
  g_return_val_if_fail (SB_IS_DOMAIN_CARD (self), NULL);

  return self->code;
}
