/* sb-certificate-item.c: one row of the Certificates section
 *
 * An established (or revoked) base with its certificate, as read by
 * sb_certificate_store_list(), with the properties its row binds to.
 * Immutable: the section replaces an item when its certificate changes.
 */
#define G_LOG_DOMAIN "sb-certificate-item"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-certificate-item.h"

struct _SbCertificateItem
{
  GObject               parent_instance;

  SbCertificateListing *listing;
};

G_DEFINE_FINAL_TYPE (SbCertificateItem, sb_certificate_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_LEAD_UNIT,
  PROP_STATE_LABEL,
  PROP_NUMBER,
  PROP_SUMMARY,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_summary (SbCertificateItem *self)
{
  const SbCertificate *certificate = self->listing->certificate;
  const char *state = sb_certificate_state_get_label (sb_certificate_item_get_state (self));

  if (certificate == NULL)
    return g_strdup (state);

  /* TRANSLATORS: a certificate's state and number, e.g. "Issued · SXJD-2026-0001" */
  return g_strdup_printf (_("%s · %s"), state, certificate->number);
}

static void
sb_certificate_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SbCertificateItem *self = SB_CERTIFICATE_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->listing->name_zh);
      break;
    case PROP_LEAD_UNIT:
      g_value_set_string (value, self->listing->lead_unit);
      break;
    case PROP_STATE_LABEL:
      g_value_set_string (value, sb_certificate_state_get_label (sb_certificate_item_get_state (self)));
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->listing->certificate ? self->listing->certificate->number : "");
      break;
    case PROP_SUMMARY:
      g_value_take_string (value, dup_summary (self));
      break;
    case PROP_SEARCH_TEXT:
      g_value_take_string (value, g_strjoin (" ", self->listing->name_zh,
                                             self->listing->lead_unit ? self->listing->lead_unit : "",
                                             self->listing->certificate ? self->listing->certificate->number : "",
                                             NULL));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_certificate_item_finalize (GObject *object)
{
  SbCertificateItem *self = SB_CERTIFICATE_ITEM (object);

  g_clear_pointer (&self->listing, sb_certificate_listing_free);

  G_OBJECT_CLASS (sb_certificate_item_parent_class)->finalize (object);
}

static void
sb_certificate_item_class_init (SbCertificateItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = sb_certificate_item_get_property;
  object_class->finalize = sb_certificate_item_finalize;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_LEAD_UNIT] = g_param_spec_string ("lead-unit", NULL, NULL, NULL, flags);
  properties[PROP_STATE_LABEL] = g_param_spec_string ("state-label", NULL, NULL, NULL, flags);
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  /* What the section's search matches: names, lead unit, number. */
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_certificate_item_init (SbCertificateItem *self)
{
}

/**
 * sb_certificate_item_new:
 * @listing: (transfer full): what the row shows
 */
SbCertificateItem *
sb_certificate_item_new (SbCertificateListing *listing)
{
  SbCertificateItem *self;

  g_return_val_if_fail (listing != NULL, NULL);

  self = g_object_new (SB_TYPE_CERTIFICATE_ITEM, NULL);
  self->listing = listing;

  return self;
}

const SbCertificateListing *
sb_certificate_item_get_listing (SbCertificateItem *self)
{
  g_return_val_if_fail (SB_IS_CERTIFICATE_ITEM (self), NULL);

  return self->listing;
}

gint64
sb_certificate_item_get_base_id (SbCertificateItem *self)
{
  g_return_val_if_fail (SB_IS_CERTIFICATE_ITEM (self), 0);

  return self->listing->base_id;
}

/**
 * sb_certificate_item_get_certificate:
 *
 * Returns: (nullable): the base's live certificate, or its latest one
 */
const SbCertificate *
sb_certificate_item_get_certificate (SbCertificateItem *self)
{
  g_return_val_if_fail (SB_IS_CERTIFICATE_ITEM (self), NULL);

  return self->listing->certificate;
}

/* The four states the section shows: not issued, issued, reissued,
 * revoked.  A base whose latest certificate is void has none in force. */
SbCertificateState
sb_certificate_item_get_state (SbCertificateItem *self)
{
  g_return_val_if_fail (SB_IS_CERTIFICATE_ITEM (self), SB_CERTIFICATE_STATE_NONE);

  if (self->listing->certificate == NULL
      || self->listing->certificate->state == SB_CERTIFICATE_STATE_VOID)
    return SB_CERTIFICATE_STATE_NONE;

  return self->listing->certificate->state;
}

gboolean
sb_certificate_item_is_base_revoked (SbCertificateItem *self)
{
  g_return_val_if_fail (SB_IS_CERTIFICATE_ITEM (self), FALSE);

  return g_strcmp0 (self->listing->base_state, "revoked") == 0;
}
