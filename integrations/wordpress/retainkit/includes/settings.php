<?php
/**
 * Settings → retainkit: where events go, the WooCommerce thank-you page, and the shortcodes' reference.
 *
 * @package retainkit
 */

defined( 'ABSPATH' ) || exit;

const RETAINKIT_OPTION = 'retainkit_settings';

/** The settings, with their defaults. */
function retainkit_settings() {
	$defaults = array(
		'forward_datalayer' => false,
		'forward_endpoint'  => '',
		'consent'           => 'none',
		'record_orders'     => true,
		'account_prompt'    => true,
		'incentive'         => '',
		'incentive_points'  => 0,
		'offer_codes'       => '',
		'offer_discount'    => '',
		'survey'            => false,
		'survey_action'     => '',
	);
	$saved = get_option( RETAINKIT_OPTION, array() );
	return array_merge( $defaults, is_array( $saved ) ? $saved : array() );
}

/**
 * Checks what the form sent.
 *
 * @param mixed $input The submitted settings.
 * @return array
 */
function retainkit_sanitize_settings( $input ) {
	$input    = is_array( $input ) ? $input : array();
	$previous = retainkit_settings();
	return array(
		'forward_datalayer' => ! empty( $input['forward_datalayer'] ),
		'forward_endpoint'  => retainkit_sanitize_endpoint( $input['forward_endpoint'] ?? '', $previous['forward_endpoint'], 'forward_endpoint', __( 'Your endpoint', 'retainkit' ) ),
		'consent'           => in_array( $input['consent'] ?? '', array( 'none', 'pending' ), true ) ? $input['consent'] : 'none',
		'record_orders'     => ! empty( $input['record_orders'] ),
		'account_prompt'    => ! empty( $input['account_prompt'] ),
		'incentive'         => sanitize_text_field( (string) ( $input['incentive'] ?? '' ) ),
		'incentive_points'  => max( 0, absint( $input['incentive_points'] ?? 0 ) ),
		'offer_codes'       => sanitize_text_field( (string) ( $input['offer_codes'] ?? '' ) ),
		'offer_discount'    => sanitize_text_field( (string) ( $input['offer_discount'] ?? '' ) ),
		'survey'            => ! empty( $input['survey'] ),
		'survey_action'     => retainkit_sanitize_endpoint( $input['survey_action'] ?? '', $previous['survey_action'], 'survey_action', __( 'Your endpoint for the answers', 'retainkit' ) ),
	);
}

/**
 * An address the kit will send shoppers' data to: https, or http on this site or this machine, as the kit itself
 * allows (it refuses any other http address in the browser, so nothing would ever be sent). Anything else is
 * refused with a notice, and the last saved address kept.
 *
 * @param mixed  $value    What the form sent.
 * @param string $previous The address saved before.
 * @param string $field    The setting's key, for the notice.
 * @param string $label    The setting's name, for the notice.
 * @return string
 */
function retainkit_sanitize_endpoint( $value, $previous, $field, $label ) {
	$typed = trim( (string) $value );
	if ( '' === $typed ) {
		return '';
	}
	$url   = esc_url_raw( $typed, array( 'https', 'http' ) );
	$parts = wp_parse_url( $url );
	$home  = wp_parse_url( home_url() );
	$host  = $parts['host'] ?? '';
	$local = in_array( $host, array( 'localhost', '127.0.0.1', '[::1]' ), true ) || '.localhost' === substr( $host, -10 );
	$same  = ( $parts['host'] ?? null ) === ( $home['host'] ?? '' ) && ( $parts['port'] ?? null ) === ( $home['port'] ?? null )
		&& ( $parts['scheme'] ?? '' ) === ( $home['scheme'] ?? '' );
	if ( '' !== $url && ( 'https' === ( $parts['scheme'] ?? '' ) || $local || $same ) ) {
		return $url;
	}
	add_settings_error(
		RETAINKIT_OPTION,
		$field,
		/* translators: 1: the setting's name, 2: the address typed. */
		sprintf( __( '%1$s: %2$s was not saved. Use an https: address, or one on this site: browsers send shoppers’ data nowhere else.', 'retainkit' ), $label, $typed )
	);
	return (string) $previous;
}

add_action( 'admin_init', 'retainkit_register_settings' );
/** One option, sanitized on save. */
function retainkit_register_settings() {
	register_setting( 'retainkit', RETAINKIT_OPTION, array( 'sanitize_callback' => 'retainkit_sanitize_settings' ) );
}

add_action( 'admin_menu', 'retainkit_add_settings_page' );
/** Settings → retainkit. */
function retainkit_add_settings_page() {
	add_options_page( 'retainkit', 'retainkit', 'manage_options', 'retainkit', 'retainkit_render_settings_page' );
}

/** The settings page. */
function retainkit_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$s    = retainkit_settings();
	$name = RETAINKIT_OPTION;
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'retainkit', 'retainkit' ); ?></h1>
		<form method="post" action="options.php">
			<?php settings_fields( 'retainkit' ); ?>
			<h2><?php esc_html_e( 'Where events go', 'retainkit' ); ?></h2>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><?php esc_html_e( 'Google Tag Manager', 'retainkit' ); ?></th>
					<td><label><input type="checkbox" name="<?php echo esc_attr( $name ); ?>[forward_datalayer]" value="1" <?php checked( $s['forward_datalayer'] ); ?>> <?php esc_html_e( 'Push the widgets’ events to the dataLayer (GA4 names, such as retain_spin_ended)', 'retainkit' ); ?></label></td>
				</tr>
				<tr>
					<th scope="row"><label for="retainkit-endpoint"><?php esc_html_e( 'Your endpoint', 'retainkit' ); ?></label></th>
					<td><input id="retainkit-endpoint" class="regular-text" type="url" name="<?php echo esc_attr( $name ); ?>[forward_endpoint]" value="<?php echo esc_attr( $s['forward_endpoint'] ); ?>" placeholder="https://"><p class="description"><?php esc_html_e( 'Optional: events are POSTed there in JSON batches, retried until it answers 2xx.', 'retainkit' ); ?></p></td>
				</tr>
				<tr>
					<th scope="row"><label for="retainkit-consent"><?php esc_html_e( 'Consent', 'retainkit' ); ?></label></th>
					<td><select id="retainkit-consent" name="<?php echo esc_attr( $name ); ?>[consent]">
						<option value="none" <?php selected( $s['consent'], 'none' ); ?>><?php esc_html_e( 'Forward at once', 'retainkit' ); ?></option>
						<option value="pending" <?php selected( $s['consent'], 'pending' ); ?>><?php esc_html_e( 'Wait until my consent banner calls retainkit.consent("granted")', 'retainkit' ); ?></option>
					</select></td>
				</tr>
			</table>
			<h2><?php esc_html_e( 'WooCommerce thank-you page', 'retainkit' ); ?></h2>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><?php esc_html_e( 'Record orders', 'retainkit' ); ?></th>
					<td><label><input type="checkbox" name="<?php echo esc_attr( $name ); ?>[record_orders]" value="1" <?php checked( $s['record_orders'] ); ?>> <?php esc_html_e( 'Record each order on the shopper’s device, for the loyalty badge’s estimate and punch card', 'retainkit' ); ?></label></td>
				</tr>
				<tr>
					<th scope="row"><?php esc_html_e( 'Account prompt', 'retainkit' ); ?></th>
					<td><label><input type="checkbox" name="<?php echo esc_attr( $name ); ?>[account_prompt]" value="1" <?php checked( $s['account_prompt'] ); ?>> <?php esc_html_e( 'Invite guests to create an account from their order (turn off WooCommerce’s own offer if you use this)', 'retainkit' ); ?></label></td>
				</tr>
				<tr>
					<th scope="row"><label for="retainkit-incentive"><?php esc_html_e( 'Reason to join', 'retainkit' ); ?></label></th>
					<td><input id="retainkit-incentive" class="regular-text" type="text" name="<?php echo esc_attr( $name ); ?>[incentive]" value="<?php echo esc_attr( $s['incentive'] ); ?>" placeholder="<?php esc_attr_e( '10% off your next order', 'retainkit' ); ?>"></td>
				</tr>
				<tr>
					<th scope="row"><label for="retainkit-points"><?php esc_html_e( 'Points for joining', 'retainkit' ); ?></label></th>
					<td><input id="retainkit-points" class="small-text" type="number" min="0" name="<?php echo esc_attr( $name ); ?>[incentive_points]" value="<?php echo esc_attr( (string) $s['incentive_points'] ); ?>"></td>
				</tr>
				<tr>
					<th scope="row"><label for="retainkit-offer-codes"><?php esc_html_e( 'Next-order offer: coupon codes', 'retainkit' ); ?></label></th>
					<td><input id="retainkit-offer-codes" class="regular-text" type="text" name="<?php echo esc_attr( $name ); ?>[offer_codes]" value="<?php echo esc_attr( $s['offer_codes'] ); ?>" placeholder="NEXT-A1 NEXT-B2">
						<p class="description"><?php esc_html_e( 'WooCommerce coupon codes separated by spaces: each order is shown one not yet handed out on the shopper’s device. Empty: no offer.', 'retainkit' ); ?></p></td>
				</tr>
				<tr>
					<th scope="row"><label for="retainkit-offer-discount"><?php esc_html_e( 'What the code gives', 'retainkit' ); ?></label></th>
					<td><input id="retainkit-offer-discount" class="small-text" type="text" name="<?php echo esc_attr( $name ); ?>[offer_discount]" value="<?php echo esc_attr( $s['offer_discount'] ); ?>" placeholder="15%"></td>
				</tr>
				<tr>
					<th scope="row"><?php esc_html_e( 'Survey', 'retainkit' ); ?></th>
					<td><label><input type="checkbox" name="<?php echo esc_attr( $name ); ?>[survey]" value="1" <?php checked( $s['survey'] ); ?>> <?php esc_html_e( 'Ask how likely the shopper is to recommend you (0–10), once per order', 'retainkit' ); ?></label></td>
				</tr>
				<tr>
					<th scope="row"><label for="retainkit-survey-action"><?php esc_html_e( 'Your endpoint for the answers', 'retainkit' ); ?></label></th>
					<td><input id="retainkit-survey-action" class="regular-text" type="url" name="<?php echo esc_attr( $name ); ?>[survey_action]" value="<?php echo esc_attr( $s['survey_action'] ); ?>" placeholder="https://"></td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
		<h2><?php esc_html_e( 'Shortcodes', 'retainkit' ); ?></h2>
		<p><?php esc_html_e( 'Put these in any page or post. Each attribute of the element is an attribute of its shortcode; one without a value (hide-odds) switches an option on.', 'retainkit' ); ?></p>
		<p>
		<?php
		printf(
			/* translators: 1: the entity for "[" as typed, 2: the entity for "]" as typed. */
			esc_html__( 'A "]" ends a shortcode, so a value in JSON (a badge’s rewards, a wheel’s slices) writes its brackets as %1$s and %2$s, as in rewards=\'%1$s{"label":"€5 off","cost":500}%2$s\'. Where there is a plain form, use it: tiers="Bronze 0, Silver 500", [retain_slice] for the prizes.', 'retainkit' ),
			'&amp;#91;', // Shown as typed, not as the bracket it stands for.
			'&amp;#93;'
		);
		?>
		</p>
		<table class="widefat striped">
			<thead><tr><th><?php esc_html_e( 'Shortcode', 'retainkit' ); ?></th><th><?php esc_html_e( 'What it shows', 'retainkit' ); ?></th><th><?php esc_html_e( 'Attributes', 'retainkit' ); ?></th></tr></thead>
			<tbody>
			<?php foreach ( retainkit_elements() as $tag => $element ) : ?>
				<tr>
					<td><code>[<?php echo esc_html( retainkit_shortcode_name( $tag ) ); ?>]</code></td>
					<td><?php echo esc_html( $element['summary'] ); ?></td>
					<td><code><?php echo esc_html( implode( ' ', array_keys( $element['attributes'] ) ) ); ?></code></td>
				</tr>
			<?php endforeach; ?>
			</tbody>
		</table>
		<p><?php esc_html_e( 'The spin wheel’s prizes: [retain_slice type="discount" codes="CODE1 CODE2" weight="3"]10% off[/retain_slice] inside [retain_spin_wheel]…[/retain_spin_wheel].', 'retainkit' ); ?></p>
	</div>
	<?php
}
