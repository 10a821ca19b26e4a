"""VPNaaS service driver of the local cloud: the stock IPsec driver (same validation), plus the status report of the
VPN agent this cloud does not run. Without an agent every VPN service and site connection stays PENDING_CREATE, and
Neutron refuses to update anything pending. What it reports is what the L3 agent's IPsec extension reports when no
peer ever answers (nothing leaves this machine): a service ACTIVE (DOWN when administratively down), every site
connection DOWN. A connection never becomes ACTIVE here: that would claim a tunnel that does not exist."""
from neutron_lib import constants
from neutron_lib import context as neutron_context

from neutron_vpnaas.services.vpn.service_drivers import ipsec


class FakeDriver(ipsec.IPsecVPNDriver):
    def _report_status(self, vpnservice_id):
        # as the agent's report does: an admin context of its own. The API call's (even elevated, which shares its
        # database session) would leave that session in a transaction, and Neutron's quota commit then fails.
        admin = neutron_context.get_admin_context()
        service = self.service_plugin.get_vpnservice(admin, vpnservice_id)
        connections = self.service_plugin.get_ipsec_site_connections(
            admin, filters={'vpnservice_id': [vpnservice_id]})
        self.service_plugin.update_status_by_agent(admin, [{
            'id': vpnservice_id,
            'status': constants.ACTIVE if service['admin_state_up'] else constants.DOWN,
            'updated_pending_status': True,
            'ipsec_site_connections': {
                connection['id']: {'status': constants.DOWN, 'updated_pending_status': True}
                for connection in connections},
        }])

    def create_vpnservice(self, context, vpnservice_dict):
        super().create_vpnservice(context, vpnservice_dict)
        self._report_status(vpnservice_dict['id'])

    def update_vpnservice(self, context, old_vpnservice, vpnservice):
        super().update_vpnservice(context, old_vpnservice, vpnservice)
        self._report_status(vpnservice['id'])

    def create_ipsec_site_connection(self, context, ipsec_site_connection):
        super().create_ipsec_site_connection(context, ipsec_site_connection)
        self._report_status(ipsec_site_connection['vpnservice_id'])

    def update_ipsec_site_connection(self, context, old_ipsec_site_connection, ipsec_site_connection):
        super().update_ipsec_site_connection(context, old_ipsec_site_connection, ipsec_site_connection)
        self._report_status(ipsec_site_connection['vpnservice_id'])
